// Making untrusted text safe to print on a terminal.
//
// Server messages, request ids and anything else read from input may hold
// escape sequences that recolour, retitle or rewrite a terminal, or
// bidirectional overrides that make text read differently from what it is.
// Text mode prints such text only through visible().
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dhcode {

// Returns the text with every character that could act on a terminal shown
// as an escape instead: C0 controls but tab (\n, \x1b, ...), DEL (\x7f),
// C1 controls (\u009b, ...), bidirectional controls (\u202e, ...), and bytes
// that are not valid UTF-8 (\xff). Other text, including non-ASCII letters,
// is kept as it is.
std::string visible(std::string_view untrusted);

// The length of the valid UTF-8 sequence at the start of text (which must
// not be empty) and the code point it encodes, or length 0 when the bytes
// there are not valid UTF-8 (overlong forms, surrogates and values above
// U+10FFFF included).
struct Decoded {
  std::size_t length;
  char32_t code_point;
};
Decoded decode_utf8(std::string_view text);

// Whether all of text is valid UTF-8.
bool is_utf8(std::string_view text);

}  // namespace dhcode
