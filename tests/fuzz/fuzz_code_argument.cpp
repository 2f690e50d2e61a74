// Fuzzes reading a typed code and explaining it, suggestions included.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "code_argument.hpp"
#include "explanation.hpp"
#include "render.hpp"
#include "safe_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)dhcode::looks_like_code(text);
  (void)dhcode::visible(text);
  dhcode::CodeArgument parsed = dhcode::parse_code_argument(text);
  if (parsed.code) {
    if (*parsed.code > dhcode::kLargestCode) __builtin_trap();  // the parser's promise
    dhcode::Explanation explanation = dhcode::explain_typed(*parsed.code);
    (void)dhcode::render_text(explanation, false, nullptr, true);
    (void)dhcode::json_line(dhcode::render_json(explanation));
  } else {
    (void)dhcode::describe(parsed.problem);
  }
  return 0;
}
