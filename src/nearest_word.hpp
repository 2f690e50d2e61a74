// "Did you mean": the known word nearest to a mistyped one.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace dhcode {

// Edits (a character inserted, deleted or changed, or two neighbours
// swapped) that turn a into b.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate fewest edits away from word, if it is close enough to be a
// likely slip (at most 2 edits, and fewer than half of the word's length);
// the first such candidate wins a tie.
std::optional<std::string> nearest_word(std::string_view word,
                                        std::span<const std::string> candidates);

}  // namespace dhcode
