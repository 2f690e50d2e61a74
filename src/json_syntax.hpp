// Whether a text is JSON by RFC 8259's grammar, and if not, where and why.
//
// simdjson, which reads every record, refuses some valid JSON (numbers beyond
// 64 bits or beyond a double, escaped lone surrogates such as "\ud800") and
// says neither where nor why a text is invalid. This checker is the judge
// of validity: it runs only for the records simdjson refused, so the common
// path stays fast, and it finds the first problem with its place.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dhcode {

struct JsonSyntax {
  struct Problem {
    std::size_t offset = 0;  // of the first byte that is wrong (the text's size: it ended early)
    std::string why;         // in the user's terms: "unexpected character '】' (U+3011)"
  };
  std::optional<Problem> problem;  // empty: the text is valid JSON

  // In a valid text, what simdjson cannot take: [offset, offset + size) of
  // numbers beyond its range, and the offsets of lone surrogate escapes.
  struct Span {
    std::size_t offset;
    std::size_t size;
  };
  std::vector<Span> huge_numbers;
  std::vector<std::size_t> lone_surrogates;
  // Bytes inside strings that are not UTF-8 (a GBK or Latin-1 message): the
  // text is taken as valid, and the bytes kept (readable_copy).
  std::vector<std::size_t> not_utf8;
};

// Checks one JSON text (one value, white space around it allowed).
JsonSyntax check_json(std::string_view text);

// A copy of a valid text that simdjson reads the same way except for what it
// cannot take: huge numbers become 1e300 or -1e300 (still far out of any
// code's range) and lone surrogates become U+FFFD. Byte offsets stay as they
// were, unless the text has bytes that are not UTF-8: each becomes a stand-in
// character (U+10FF00 + the byte, from the end of the private use planes)
// that restore_not_utf8 turns back into the byte.
std::string readable_copy(std::string_view text, const JsonSyntax& syntax);
void restore_not_utf8(std::string& text);

// The line and column (1-based, counted in characters) of an offset in a
// text that begins at first_line, first_column.
struct TextPosition {
  std::size_t line = 0;
  std::size_t column = 0;
};
TextPosition position_of(std::string_view text, std::size_t offset, std::size_t first_line,
                         std::size_t first_column);

}  // namespace dhcode
