// The words of text output that are dhcode's own (labels, headings, the
// retry phrases), in each language. The registry's texts are ZEGOCLOUD's
// and come from the registry; option names, JSON keys and --help stay
// English.
#pragma once

#include <fmt/format.h>

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "language.hpp"
#include "registry.hpp"

namespace dhcode {

struct Words {
  // explain: the labels of its lines
  std::string_view message, request_id, time, action, category, retry, status, earlier, source,
      runbook, note, overlay, check, did_you_mean, from, range, meaning;
  std::string_view not_documented, not_in_registry, no_range;
  // the retry line: "yes" + yes_tail, "no" + no_tail
  std::string_view retry_not_needed, yes, yes_tail, no, no_tail;
  std::string_view retry_not_documented;  // gateway codes: the sources do not say
  std::string_view grouping;              // after a range's label: it is dhcode's
  std::array<std::string_view, kStatusCount> status_meanings;
  // table headings (list, search, stats) and the retry column
  std::string_view code_heading, category_heading, retry_heading, status_heading,
      description_heading, count_heading, share_heading, first_seen_heading, last_seen_heading;
  std::string_view retry_yes_cell, retry_no_cell;
  std::string_view retry_undocumented_cell;  // gateway codes: the sources do not say
  std::string_view legacy_mark;              // after a legacy code's description in stats
  std::string_view not_in_registry_range;    // fmt: range pattern, what it holds
  std::string_view overlay_mark;             // fmt: the overlay file
  std::string_view other_codes;              // fmt: how many codes are counted one by one
  std::string_view stats_totals;  // fmt: responses, successes, errors, unreadable, passed over
  std::string_view passed_over_mentioning_code;  // fmt: lines; after stats_totals
  // verify
  std::string_view no_problem;  // fmt: what became of the signature
  std::string_view signature_matches;
  std::string_view one_problem;  // fmt: the most likely code
  std::string_view problems;     // fmt: how many, the most likely code
  std::string_view why, signature;
};

const Words& words_for(Language language);

// A label of a block of lines ("Action:", "处理建议："), padded to the label
// column: 10 terminal cells.
std::string label_cell(std::string_view label, Language language);

// A sentence of dhcode's own in the language of the output: the English,
// or the Chinese written for dhcode, each a fmt format with the same
// arguments.
template <typename... Args>
std::string say(Language language, std::string_view english, std::string_view chinese,
                Args&&... args) {
  return fmt::format(fmt::runtime(language == Language::zh ? chinese : english),
                     std::forward<Args>(args)...);
}

}  // namespace dhcode
