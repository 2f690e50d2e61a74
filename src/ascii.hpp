// Character classes of the ASCII range, as the JSON and Python grammars
// define them (not the locale's, as <cctype> would).
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace dhcode {

inline bool is_ascii(std::string_view text) {
  return std::ranges::all_of(text, [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// A C0 control (a line end, a tab, an escape) or DEL.
inline bool has_control_character(std::string_view text) {
  return std::ranges::any_of(
      text, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

inline bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// The value of a hex digit, or -1.
inline int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

inline char to_ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Full-width forms (U+FF01 to U+FF5E, as a Chinese input method types
// "４００" or "ＴＴＳ") as the ASCII characters they stand for, and the
// ideographic space (U+3000) as a space; the rest as it is.
inline std::string halfwidth(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    bool three = i + 2 < text.size();
    // U+FF01..U+FF3F are EF BC 81..BF, U+FF40..U+FF5E are EF BD 80..9E.
    if (three && byte(i) == 0xEF &&
        ((byte(i + 1) == 0xBC && byte(i + 2) >= 0x81) ||
         (byte(i + 1) == 0xBD && byte(i + 2) <= 0x9E))) {
      unsigned offset = (byte(i + 1) == 0xBC ? 0u : 0x40u) + byte(i + 2) - 0x80;  // from U+FF00
      out += static_cast<char>(offset + 0x20);
      i += 2;
    } else if (three && byte(i) == 0xE3 && byte(i + 1) == 0x80 && byte(i + 2) == 0x80) {
      out += ' ';
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The same letters, ASCII case aside: {"code":...} beside {"Code":...}.
inline bool same_letters(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return to_ascii_lower(x) == to_ascii_lower(y);
         });
}

}  // namespace dhcode
