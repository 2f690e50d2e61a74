// Fuzzes reading requests from text: finding a query in a line, parsing
// it, checking it without a secret and with one, and writing values back.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "request.hpp"
#include "request_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  std::optional<std::string> query_text = dhcode::find_query(line);
  std::vector<dhcode::QueryParameter> query =
      dhcode::parse_query(query_text.value_or(std::string(line)));
  for (const dhcode::QueryParameter& p : query) (void)dhcode::percent_encoded(p.value);
  std::string problem;
  (void)dhcode::check_request(query, {1615186943, true}, std::nullopt, problem);
  // With a secret only for short inputs: a diagnosis computes thousands of digests.
  if (size < 256) (void)dhcode::check_request(query, {1615186943, false}, "secret", problem);
  return 0;
}
