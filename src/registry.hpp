// The registry: every return code dhcode knows, compiled into the binary.
//
// One table (registry.cpp) is the single source of truth. Everything else
// (explain, list, search, completions, JSON) reads it through this header.
// The table is checked at compile time to be sorted and free of duplicates,
// so lookup is a binary search and nothing is built at start-up.
#pragma once

#include <cstdint>
#include <forward_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "language.hpp"

namespace dhcode {

// A return code as the server sends it in the response's Code field.
// Every documented code has at most nine digits; dhcode accepts 0..kLargestCode.
using Code = std::uint32_t;
inline constexpr Code kLargestCode = 999'999'999;

// What kind of problem a code is about, in the words a user would search for.
enum class Category {
  success,
  request,    // a malformed or invalid request
  signature,  // the signing parameters (Timestamp, SignatureNonce, Signature, ...)
  account,    // the AppId, its configuration, permissions, billing
  resource,   // a digital human, timbre, task or model that is missing or unfit
  stream,     // the state of a digital human video stream
  content,    // the resources or content passed in
  speech,     // text-to-speech and speech recognition
  limit,      // concurrency and rate limits
  server,     // the service side failed or is busy
};
inline constexpr std::size_t kCategoryCount = 10;

// Where a code stands today. Each status has exactly one documentary source.
enum class Status {
  current,  // on the Digital Human return-code page of 2026-03-20
  gateway,  // a common code shared by all ZEGO server APIs
  legacy,   // only on the earlier "Digital Human PaaS" page; no longer listed
  team,     // added by a team's registry overlay, not by any ZEGOCLOUD page
};
inline constexpr std::size_t kStatusCount = 4;

struct Entry {
  Code code;
  std::string_view description;  // word for word from the source
  std::string_view action;       // the recommended action, word for word
  Category category;
  // True exactly where the documented action is to retry or wait: a later
  // retry of the same, unchanged request can succeed.
  bool retryable;
  Status status;
  // How the earlier page differed, for codes whose meaning or wording changed.
  std::string_view earlier = {};
  // From a team's registry overlay: a runbook link, an internal note, and
  // the overlay file that added or annotated the entry (empty: none).
  std::string_view runbook = {};
  std::string_view note = {};
  std::string_view overlay = {};
  // A team overlay's Chinese texts for a code of its own (built-in codes
  // have the official ones: chinese_text_of).
  std::string_view description_zh = {};
  std::string_view action_zh = {};
};

// The official Chinese description and action of a built-in code, and how
// the earlier Chinese page differed, quoted from it.
struct ChineseText {
  Code code;
  std::string_view description;
  std::string_view action;
  std::string_view earlier = {};
};

// A documented detail worth checking for one code, with where it is
// documented; in Chinese quoted from the Chinese page where there is one,
// otherwise in dhcode's words, which the source then says.
struct Note {
  Code code;
  std::string_view text;
  std::string_view source;
  std::string_view text_zh;
  std::string_view source_zh;
};

// A documented block of codes, used to say something about an unknown code
// without pretending to know it.
struct Range {
  Code first;
  Code last;
  std::string_view pattern;  // as users write it, e.g. "4000100xx"
  std::string_view holds;    // dhcode's own words for what the block holds
  std::string_view holds_zh;
};

// The built-in table, in code order.
std::span<const Entry> builtin_entries();
const Entry* find_builtin_entry(Code code);
const Range* find_range(Code code);
// The official Chinese texts of a built-in code, or null.
const ChineseText* find_chinese_text(Code code);
// What to check for a code, where the documented facts support it.
std::span<const Note> notes_for(Code code);
// The sources a note may name: the documents of dhcode's reference, and
// dhcode's own advice (notes that start with "Tip:").
std::span<const std::string_view> note_sources();

// The registry in use: the built-in table, plus what team overlays added or
// annotated (overlay.hpp loads them). Without overlays it is the built-in
// table itself, so lookups cost a binary search and start-up costs nothing.
class Registry {
 public:
  std::span<const Entry> entries() const;
  const Entry* find(Code code) const;

  // Adds an entry or replaces the one with its code; the entry's texts must
  // already be kept by keep().
  void put(const Entry& entry);
  // Keeps text for the registry's lifetime; returns a view of the kept copy.
  std::string_view keep(std::string text);

 private:
  std::vector<Entry> entries_;            // empty until an overlay is loaded
  std::forward_list<std::string> texts_;  // node-based: views stay valid
};

// The one registry every command reads; built-in until overlays are loaded.
Registry& active_registry();

std::string_view name_of(Category category);
std::string_view name_of(Status status);
// The document a status's entries come from, with its date: for Chinese,
// the Chinese page the texts come from.
std::string_view source_of(Status status, Language language = Language::en);

// An entry's description and action in a language: for built-in codes the
// official texts of that language's page; for a team's own codes what its
// overlay gave, the other language's when it gave only one.
std::string_view description_in(const Entry& entry, Language language);
std::string_view action_in(const Entry& entry, Language language);
// The language description_in(entry, language) is actually in: a team's
// code given in one language only is shown in that one.
Language language_shown(const Entry& entry, Language language);

// How the earlier page differed: under zh, quoted from the earlier Chinese page.
std::string_view earlier_in(const Entry& entry, Language language);
// What a range holds, and a note's text and source, in a language.
std::string_view holds_in(const Range& range, Language language);
std::string_view text_in(const Note& note, Language language);
std::string_view source_in(const Note& note, Language language);

// Every name of an enum, in its order: the choices of an option, the
// valid values in a message.
template <typename Enum, std::size_t count>
std::vector<std::string> names_of_all() {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < count; ++i) names.emplace_back(name_of(static_cast<Enum>(i)));
  return names;
}

std::optional<Category> category_named(std::string_view name);
std::optional<Status> status_named(std::string_view name);

}  // namespace dhcode
