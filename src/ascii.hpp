// Character classes of the ASCII range, as the JSON and Python grammars
// define them (not the locale's, as <cctype> would).
#pragma once

#include <algorithm>
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

// The same letters, ASCII case aside: {"code":...} beside {"Code":...}.
inline bool same_letters(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return to_ascii_lower(x) == to_ascii_lower(y);
         });
}

}  // namespace dhcode
