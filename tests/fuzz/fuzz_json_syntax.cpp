// Fuzzes the JSON checker against simdjson: whatever simdjson accepts, the
// checker must accept; whatever the checker accepts, simdjson must read from
// the readable copy (unless nested past its depth), bytes that are not UTF-8
// in strings included; a problem's offset lies within the text.
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "json_syntax.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // simdjson 3.12 (Debian 13) skips a leading UTF-8 byte order mark, 3.0
  // refuses it; dhcode never hands either one such a text (the line reader
  // drops it, and a record starts at a JSON character), so none is compared.
  if (text.starts_with("\xEF\xBB\xBF")) return 0;
  static simdjson::dom::parser parser;
  simdjson::padded_string padded(text);
  simdjson::dom::element root;
  bool simdjson_accepts = !parser.parse(padded).get(root);
  dhcode::JsonSyntax syntax = dhcode::check_json(text);
  if (simdjson_accepts && syntax.problem) __builtin_trap();
  if (syntax.problem) {
    if (syntax.problem->offset > text.size()) __builtin_trap();
    (void)dhcode::position_of(text, syntax.problem->offset, 1, 1);
    return 0;
  }
  std::string copy = dhcode::readable_copy(text, syntax);
  // Offsets stay as they were, but where bytes that are not UTF-8 stand in.
  if (syntax.not_utf8.empty() && copy.size() != text.size()) __builtin_trap();
  simdjson::padded_string padded_copy(copy);
  simdjson::error_code error = parser.parse(padded_copy).get(root);
  if (error && error != simdjson::DEPTH_ERROR) __builtin_trap();
  return 0;
}
