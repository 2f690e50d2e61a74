// Fuzzes the Python repr reader: whatever it writes must be valid JSON, and
// where it stops must lie within the text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "json_syntax.hpp"
#include "python_repr.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  dhcode::PythonRepr repr = dhcode::python_repr_to_json(text);
  if (!repr.json) {
    if (repr.offset > text.size()) __builtin_trap();
    return 0;
  }
  // Raw UTF-8 in strings is copied as it is: invalid UTF-8 makes invalid
  // JSON, which the record reader then reports. Anything else must be valid.
  dhcode::JsonSyntax syntax = dhcode::check_json(*repr.json);
  if (syntax.problem && syntax.problem->why.find("UTF-8") == std::string_view::npos)
    __builtin_trap();
  return 0;
}
