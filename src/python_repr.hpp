// Responses as Python clients log them: the parsed dict, printed by repr()
// ({'Code': 400010009, 'Message': 'API rate limit exceeded', 'Data': None}).
//
// Only Python's own literal syntax is read: dicts, lists, tuples, strings in
// single or double quotes with Python's escapes, numbers, True, False and
// None. Anything else (a datetime(...), an object's <...>) is not a repr
// this reader takes; nothing is guessed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dhcode {

struct PythonRepr {
  std::optional<std::string> json;  // the literal as JSON, when text starts with one
  std::size_t offset = 0;           // otherwise: where it stops being one
  std::string why;                  // and why
};

// Reads the Python literal at the start of text (text after it is left
// alone) and writes it as JSON. inf and nan, which JSON lacks, become null.
PythonRepr python_repr_to_json(std::string_view text);

}  // namespace dhcode
