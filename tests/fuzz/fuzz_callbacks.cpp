// Fuzzes reading callbacks: a record parsed as explain reads it, each
// callback and task status rendered in both languages, its signature
// checked (with the diagnosis of a mismatch), and a line searched for the
// callback parameters a receiving server logs.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "callback_signature.hpp"
#include "line_reader.hpp"
#include "render_task.hpp"
#include "request.hpp"
#include "response.hpp"

namespace {

void check_signature(std::string_view timestamp, std::string_view nonce,
                     std::string_view signature) {
  std::string problem;
  (void)dhcode::verify_callback(
      {std::string(timestamp), std::string(nonce), std::string(signature)}, "secret", "server",
      problem);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static dhcode::ResponseParser parser;
  std::string text(reinterpret_cast<const char*>(data), size);
  std::string padded = text + std::string(dhcode::kLinePadding, ' ');
  const dhcode::ReadRecord& record = parser.read(std::string_view(padded.data(), size));
  dhcode::Origin origin{"fuzz", 1};
  for (dhcode::Language language : {dhcode::Language::en, dhcode::Language::zh}) {
    for (const dhcode::TaskReport& callback : record.callbacks) {
      (void)dhcode::render_callback_text(callback, origin, true, language);
      (void)dhcode::render_callback_json(callback, origin, language).dump();
      (void)dhcode::render_callback_short_text(callback, origin, false, language);
    }
    for (const dhcode::Response& response : record.responses) {
      (void)dhcode::render_task_lines(response.tasks, true, language);
      (void)dhcode::render_tasks_json(response.tasks, language).dump();
    }
  }
  for (const dhcode::TaskReport& callback : record.callbacks)
    if (callback.timestamp && callback.nonce && callback.signature)
      check_signature(*callback.timestamp, *callback.nonce, *callback.signature);
  if (std::optional<std::string> query = dhcode::find_callback_query(text)) {
    std::vector<dhcode::QueryParameter> parameters = dhcode::parse_query(*query);
    check_signature(*dhcode::callback_parameter(parameters, "timestamp"),
                    *dhcode::callback_parameter(parameters, "nonce"),
                    *dhcode::callback_parameter(parameters, "signature"));
  }
  return 0;
}
