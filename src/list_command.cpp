#include "list_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "ascii.hpp"
#include "code_argument.hpp"
#include "render.hpp"
#include "safe_text.hpp"
#include "simplified_chinese.hpp"

namespace dhcode {
namespace {

bool passes(const Entry& entry, const ListRequest& request) {
  if (request.category && entry.category != *request.category) return false;
  if (request.status && entry.status != *request.status) return false;
  if (request.retryable && entry.retryable != *request.retryable) return false;
  return std::to_string(entry.code).starts_with(range_digits(request.range));
}

void print_entries(const std::vector<const Entry*>& entries, Context& context) {
  if (!context.style.json) {
    context.output.write(render_entry_table(entries, context.style.color, context.language));
    return;
  }
  for (const Entry* entry : entries)
    context.output.write(json_line(render_entry_json(*entry, context.language)));
}

// Lower case, full-width letters and digits as ASCII ("ＴＴＳ" is "tts").
std::string lower(std::string_view text) {
  std::string out = halfwidth(text);
  std::ranges::transform(out, out.begin(), to_ascii_lower);
  return out;
}

// The word at the start of a word of the text: "rate" finds "rate limit"
// but not "regenerate". Chinese has no spaces between words: a word that is
// not all ASCII is found anywhere in the text ("并发" in "并发数超出限制").
bool holds(std::string_view text, const std::string& lower_word) {
  std::string haystack = lower(text);
  if (!is_ascii(lower_word)) return haystack.find(lower_word) != std::string::npos;
  for (std::size_t at = haystack.find(lower_word); at != std::string::npos;
       at = haystack.find(lower_word, at + 1))
    if (at == 0 || !std::isalnum(static_cast<unsigned char>(haystack[at - 1]))) return true;
  return false;
}

}  // namespace

std::string_view range_digits(std::string_view range) {
  while (!range.empty() && (range.back() == 'x' || range.back() == 'X')) range.remove_suffix(1);
  return range;
}

ExitStatus run_list(const ListRequest& request, Context& context) {
  std::vector<const Entry*> entries;
  for (const Entry& entry : active_registry().entries())
    if (passes(entry, request)) entries.push_back(&entry);
  if (entries.empty()) {
    report("list: no code matches these filters");
    return ExitStatus::not_found;
  }
  print_entries(entries, context);
  return ExitStatus::ok;
}

// The words searched for: each word typed, split where Latin letters or
// digits meet other characters ("签名expired" is "签名" and "expired":
// Chinese is written without spaces, and a Latin word in it is a word).
std::vector<std::string> search_words(const std::vector<std::string>& typed) {
  std::vector<std::string> words;
  for (const std::string& word : typed) {
    std::string folded = lower(word);
    std::size_t start = 0;
    for (std::size_t i = 1; i <= folded.size(); ++i) {
      auto latin = [&](std::size_t at) {
        return std::isalnum(static_cast<unsigned char>(folded[at])) != 0;
      };
      if (i == folded.size() || latin(i) != latin(i - 1)) {
        // Not inside a UTF-8 sequence: its bytes are all non-Latin.
        words.push_back(folded.substr(start, i - start));
        start = i;
      }
    }
  }
  std::erase_if(
      words, [](const std::string& w) { return w.find_first_not_of(" \t") == std::string::npos; });
  return words;
}

int search_score(const Entry& entry, const std::vector<std::string>& words) {
  int score = 0;
  for (const std::string& word : words) {
    std::string w = lower(word);
    int best = 0;
    // Both languages' texts are searched, whatever the output's language.
    if (holds(description_in(entry, Language::en), w) ||
        holds(description_in(entry, Language::zh), w))
      best = 4;
    else if (holds(name_of(entry.category), w))
      best = 3;
    else if (holds(action_in(entry, Language::en), w) || holds(action_in(entry, Language::zh), w))
      best = 2;
    else if (holds(entry.note, w) || std::ranges::any_of(notes_for(entry.code), [&](const Note& n) {
               return holds(n.text, w);
             }))
      best = 1;
    // A word found anywhere counts far more than where it was found.
    if (best > 0) score += 10 + best;
  }
  return score;
}

namespace {

// Words with Traditional characters as Simplified, the registry's script
// (簽名 is 签名); unchanged, with the reason in problem, without OpenCC.
void fold_traditional(std::vector<std::string>& words, std::string& problem) {
  for (std::string& word : words) {
    if (std::ranges::all_of(word, [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
      continue;  // no Chinese in it: nothing to fold, nothing to load
    if (std::optional<std::string> simplified = to_simplified(word, problem))
      word = std::move(*simplified);
    else
      return;
  }
}

}  // namespace

ExitStatus run_search(const SearchRequest& request, Context& context) {
  std::vector<std::string> words = search_words(request.words);
  std::string no_opencc;  // why Traditional characters could not be folded
  fold_traditional(words, no_opencc);
  std::vector<std::pair<int, const Entry*>> scored;
  for (const Entry& entry : active_registry().entries())
    if (int score = search_score(entry, words); score > 0) scored.emplace_back(score, &entry);
  if (scored.empty()) {
    // search looks in the texts; a code is explained, not searched for.
    auto code = std::ranges::find_if(request.words, looks_like_code);
    if (code != request.words.end())
      report(
          fmt::format("search: no code matches; search looks in the texts, to explain a code "
                      "use 'dhcode explain {}'",
                      visible(*code)));
    else if (!no_opencc.empty())
      report(
          fmt::format("search: no code matches; Traditional characters are searched as "
                      "Simplified only with OpenCC (Debian: libopencc1.1): {}",
                      no_opencc));
    else
      report("search: no code matches");
    return ExitStatus::not_found;
  }
  std::ranges::stable_sort(scored, [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<const Entry*> entries;
  for (const auto& [score, entry] : scored) entries.push_back(entry);
  print_entries(entries, context);
  return ExitStatus::ok;
}

}  // namespace dhcode
