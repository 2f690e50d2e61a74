// How wide text is on a terminal, in cells: East Asian wide characters take
// two, as the C library's wcwidth says under a UTF-8 locale. Tables and
// label columns are aligned by cells, not bytes or characters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dhcode {

// ASCII text is its length; other text is measured with mbrtowc and
// wcwidth in the C.UTF-8 locale (set for the calling thread only, while
// measuring). Bytes that are not UTF-8, and unprintable characters, count
// one cell each.
std::size_t cells(std::string_view text);

// text followed by blanks up to width cells (nothing added when it is wider).
std::string padded(std::string_view text, std::size_t width);

}  // namespace dhcode
