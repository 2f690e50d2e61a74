// dhcode list and dhcode search: finding a code without having it at hand.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "context.hpp"
#include "exit_status.hpp"
#include "registry.hpp"

namespace dhcode {

struct ListRequest {
  std::optional<Category> category;
  std::optional<Status> status;
  std::optional<bool> retryable;
  std::string range;  // leading digits of the code: "4000100", or "4000100xx" as ranges are shown
};

// The digits of a range, without the x's that stand for the rest.
std::string_view range_digits(std::string_view range);

// Every code that passes the filters, in code order; 1 when none does.
ExitStatus run_list(const ListRequest& request, Context& context);

struct SearchRequest {
  std::vector<std::string> words;
};

// Codes whose description, action, category, notes or team note hold the
// words, case-insensitively; best matches first; 1 when nothing matches.
ExitStatus run_search(const SearchRequest& request, Context& context);

// How well an entry matches the words: 0 for not at all. Every word found
// counts; a word in the description counts most.
int search_score(const Entry& entry, const std::vector<std::string>& words);
// The words typed as searched for: lower case, full-width forms as ASCII,
// split where Latin letters or digits meet other characters.
std::vector<std::string> search_words(const std::vector<std::string>& typed);

}  // namespace dhcode
