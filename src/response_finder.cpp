#include "response_finder.hpp"

namespace dhcode {
namespace {

bool meant_as_response(const Record& record, const ReadRecord& read) {
  if (read.kind == RecordKind::not_json)
    return record.json.find("\"Code\"") != std::string_view::npos;
  return read.has_code_key;
}

}  // namespace

bool ResponseFinder::record(const Record& record, bool guess) {
  ReadRecord read = parser_.read(record.json, with_text_);
  if (read.kind == RecordKind::not_json && guess) return false;
  Origin origin{name_, record.line};
  if (read.kind == RecordKind::response) {
    handler_.response(read.response, origin);
  } else if (record.in_text && !meant_as_response(record, read)) {
    handler_.passed_over(origin);
  } else {
    handler_.bad_record(origin, read.why);
  }
  return true;
}

void ResponseFinder::problem(std::size_t line, std::string_view why) {
  handler_.bad_record({name_, line}, why);
}

void ResponseFinder::other_line(std::size_t line) {
  handler_.passed_over({name_, line});
}

}  // namespace dhcode
