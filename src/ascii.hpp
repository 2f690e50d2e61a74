// Character classes of the ASCII range, as the JSON and Python grammars
// define them (not the locale's, as <cctype> would).
#pragma once

namespace dhcode {

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

}  // namespace dhcode
