#include "response_finder.hpp"

#include <fmt/format.h>

#include <span>

#include "ascii.hpp"
#include "code_argument.hpp"
#include "go_syntax.hpp"
#include "json_syntax.hpp"
#include "line_reader.hpp"
#include "log_time.hpp"
#include "python_repr.hpp"

namespace dhcode {
namespace {

// A line that is nothing but a code: "400000008", as `jq .Code` prints it.
bool bare_code(std::string_view text) {
  if (text.empty() ||
      (text.front() != ' ' && text.front() != '\t' && !is_ascii_digit(text.front())))
    return false;  // most records: decided by their first character
  text = trim_white_space(text);
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// What `curl -v` writes where it read data: "{ [122 bytes data]".
bool curl_trace(std::string_view text) {
  if (!text.starts_with("{ [") || !text.ends_with(" bytes data]")) return false;
  std::string_view count = text.substr(3, text.size() - 3 - 12);
  return !count.empty() && count.find_first_not_of("0123456789") == std::string_view::npos;
}

// response with time, written over timed: its texts' room is reused, where
// a copy would make new ones for every response.
const Response& with_time(const Response& response, std::string_view time, Response& timed) {
  timed.code = response.code;
  if (!response.tasks.empty() || !timed.tasks.empty()) timed.tasks = response.tasks;
  assign_text(timed.message, response.message);
  assign_text(timed.request_id, response.request_id);
  assign_text(timed.time, time);
  return timed;
}

// Hands on what was found inside one string of a record as found in the
// record itself: its origin and, when it has one, its time.
class FoundInString : public ResponseHandler {
 public:
  // time: the nearest time around the string; already: responses found as
  // objects in the same record, not to be counted again; timed: where a
  // response is given the time (reused from record to record).
  FoundInString(ResponseHandler& handler, const Origin& origin,
                std::optional<std::string_view> time, std::span<const Response> already,
                Response& timed)
      : handler_(handler), origin_(origin), time_(time), already_(already), timed_(timed) {}
  void response(const Response& response, const Origin&) override {
    ++found;
    for (const Response& seen : already_)
      if (seen.code == response.code && seen.request_id == response.request_id) return;
    if (!time_ || response.time) return handler_.response(response, origin_);
    handler_.response(with_time(response, *time_, timed_), origin_);
  }
  void callback(const TaskReport& callback, const Origin&) override {
    ++found;
    if (!time_ || callback.time) return handler_.callback(callback, origin_);
    TaskReport timed = callback;
    timed.time.emplace(*time_);
    handler_.callback(timed, origin_);
  }
  void bad_record(const Origin&, std::string_view why) override {
    ++found;
    handler_.bad_record(origin_, why);
  }
  void passed_over(const Origin&) override {}

  std::size_t found = 0;

 private:
  ResponseHandler& handler_;
  const Origin& origin_;
  std::optional<std::string_view> time_;
  std::span<const Response> already_;
  Response& timed_;
};

}  // namespace

ResponseFinder::ResponseFinder(std::string_view name, ResponseHandler& handler, bool with_text,
                               int string_levels)
    : name_(name), handler_(&handler), with_text_(with_text), string_levels_(string_levels) {}

ResponseFinder::~ResponseFinder() = default;

bool ResponseFinder::record(const Record& record, bool guess) {
  Origin origin{name_, record.line};
  if (!record.in_text && bare_code(record.json)) {
    read_bare_code(record, origin);
    return true;
  }
  if (record.json.starts_with("{'")) {
    read_python_repr(record, origin);
    return true;
  }
  const ReadRecord& read = parser_.read(record.json, with_text_);
  if (read.kind == RecordKind::not_json && guess) return false;
  hand_on(read, record, origin);
  return true;
}

void ResponseFinder::hand_on(const ReadRecord& read, const Record& record, const Origin& origin) {
  switch (read.kind) {
    case RecordKind::responses:
      for (const Response& response : read.responses) {
        if (response.time || record.before.empty())
          handler_->response(response, origin);  // most records: nothing to add
        else
          give_with_line_time(response, record, origin);
      }
      for (const TaskReport& callback : read.callbacks) hand_on_callback(callback, record, origin);
      if (!read.texts.empty()) search_texts(read, record, origin);  // strings beside them
      break;
    case RecordKind::no_response:
      if (read.docker_log && (!read.docker_log->ends_with('\n') || !docker_parts_.empty()))
        return join_docker_part(read, record, origin);
      if (!docker_parts_.empty()) read_docker_line(record);  // a part without its last
      if (!read.miscased_code.empty() && mentions_.miscased_key.empty()) {
        mentions_.miscased_key = read.miscased_code;
        mentions_.miscased_at = origin;
      }
      if (!search_texts(read, record, origin)) pass_over(origin, record.json);
      break;
    case RecordKind::bad_response:
      handler_->bad_record(origin, read.why);
      break;
    case RecordKind::not_json:
      if (record.in_text && read_go_forms(record, origin)) break;
      if ((record.in_text && record.json.find("\"Code\"") == std::string_view::npos) ||
          curl_trace(record.json)) {
        pass_over(origin, record.json);  // braces in log text, not a response
      } else {
        report_invalid(record, read);
      }
      break;
  }
}

void ResponseFinder::read_python_repr(const Record& record, const Origin& origin) {
  PythonRepr repr = python_repr_to_json(record.json);
  if (!repr.json) {
    if (record.json.find("'Code'") == std::string_view::npos) return pass_over(origin, {});
    TextPosition at = position_in(record, repr.offset);
    handler_->bad_record({name_, at.line, at.column},
                         fmt::format("a Python dict that cannot be read: {}", repr.why));
    return;
  }
  python_json_ = std::move(*repr.json);
  python_json_.reserve(python_json_.size() + kLinePadding);
  const ReadRecord& read = parser_.read(python_json_, with_text_);
  // Positions in the JSON written from the dict are no places in the input.
  if (read.kind == RecordKind::not_json) return handler_->bad_record(origin, read.why);
  hand_on(read, record, origin);
}

void ResponseFinder::read_bare_code(const Record& record, const Origin& origin) {
  CodeArgument code = parse_code_argument(record.json);
  if (!code.code) {
    handler_->bad_record(
        origin, fmt::format("a bare number that is not a code: {}", describe(code.problem)));
    return;
  }
  Response response;
  response.code = *code.code;
  handler_->response(response, origin);
}

void ResponseFinder::give_with_line_time(const Response& response, const Record& record,
                                         const Origin& origin) {
  std::optional<std::string> time = leading_timestamp(record.before);
  if (!time) return handler_->response(response, origin);
  handler_->response(with_time(response, *time, timed_), origin);
}

void ResponseFinder::hand_on_callback(const TaskReport& callback, const Record& record,
                                      const Origin& origin) {
  std::optional<std::string> line_time;
  if (!callback.time && !record.before.empty()) line_time = leading_timestamp(record.before);
  if (!line_time) return handler_->callback(callback, origin);
  TaskReport timed = callback;
  timed.time = std::move(line_time);
  handler_->callback(timed, origin);
}

void ResponseFinder::join_docker_part(const ReadRecord& read, const Record& record,
                                      const Origin& origin) {
  std::string_view part = *read.docker_log;
  if (docker_parts_.empty() && !docker_too_long_) {
    docker_line_ = origin.line;
    docker_time_ = read.time;
  }
  if (!docker_too_long_ && docker_parts_.size() + part.size() > max_record_bytes()) {
    handler_->bad_record({name_, docker_line_}, too_long_message("a docker log line in parts"));
    docker_too_long_ = true;
    docker_parts_.clear();
  }
  if (!docker_too_long_) docker_parts_ += part;
  if (!part.ends_with('\n')) return;
  if (docker_too_long_) {
    docker_too_long_ = false;
    return;
  }
  read_docker_line(record);
}

void ResponseFinder::read_docker_line(const Record& record) {
  std::string line;
  line.swap(docker_parts_);
  Origin first{name_, docker_line_};
  std::string_view text = line;
  bool found = line.find("Code") != std::string::npos &&
               search_strings({&text, 1}, {}, docker_time_, record, first);
  if (!found) pass_over(first, line);
}

void ResponseFinder::end_of_input() {
  if (!docker_parts_.empty()) read_docker_line({});
  docker_too_long_ = false;
}

bool ResponseFinder::read_go_forms(const Record& record, const Origin& origin) {
  if (record.json.starts_with("{Code:")) {
    std::optional<Response> response = go_struct_response(record.json);
    if (response) give_with_line_time(*response, record, origin);
    return response.has_value();
  }
  // A logfmt value quoted the Go way: resp="{\"Code\":400000008,...}".
  if (!record.before.ends_with("=\"")) return false;
  std::size_t end = 0;
  std::optional<std::string> value = go_unquote(record.json, end);
  if (!value) return false;
  std::string_view text = *value;
  return search_strings({&text, 1}, {}, std::nullopt, record, origin);
}

bool ResponseFinder::search_texts(const ReadRecord& read, const Record& record,
                                  const Origin& origin) {
  return search_strings(read.texts, read.responses, read.time, record, origin);
}

bool ResponseFinder::search_strings(std::span<const std::string_view> texts,
                                    std::span<const Response> already,
                                    std::optional<std::string_view> time, const Record& record,
                                    const Origin& origin) {
  if (string_levels_ == 0 || texts.empty()) return false;
  // Beside responses found as objects, the strings are read with their
  // RequestId, to tell a second response from the same one logged twice.
  bool beside = !already.empty();
  std::unique_ptr<ResponseFinder>& inner = beside ? inner_with_text_ : inner_;
  if (!inner)
    inner = std::make_unique<ResponseFinder>(name_, *handler_, with_text_ || beside,
                                             string_levels_ - 1);
  // The record's own time, else the time its log line starts with (CRI,
  // fluentd, kubectl --timestamps).
  std::optional<std::string> line_time;
  if (!time && !record.before.empty()) line_time = leading_timestamp(record.before);
  FoundInString found(*handler_, origin, time ? time : line_time, already, timed_);
  for (std::string_view text : texts) inner->search_text(text, found);
  return found.found > 0;
}

void ResponseFinder::search_text(std::string_view text, ResponseHandler& handler) {
  // The text's lines are read in place from one copy, with room after it
  // for the parser to read ahead (line_reader.hpp, kLinePadding).
  text_.assign(text);
  text_.reserve(text_.size() + kLinePadding);
  ResponseHandler* own = handler_;
  handler_ = &handler;
  if (read_whole_object(text_)) {
    handler_ = own;
    return;
  }
  RecordSplitter splitter(*this);
  std::string_view rest = text_;
  for (std::size_t number = 1; !rest.empty(); ++number) {
    std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    splitter.line({line, number, false});
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  }
  splitter.end();
  handler_ = own;
}

bool ResponseFinder::read_whole_object(std::string_view text) {
  if (text.ends_with('\n')) text.remove_suffix(1);
  if (text.ends_with('\r')) text.remove_suffix(1);
  if (!looks_like_one_object(text) || text.find('\n') != std::string_view::npos) return false;
  return record({text, 1, 0, false, {}}, true);
}

void ResponseFinder::report_invalid(const Record& record, const ReadRecord& read) {
  if (!read.problem_offset) return handler_->bad_record({name_, record.line}, read.why);
  TextPosition at = position_in(record, *read.problem_offset);
  handler_->bad_record({name_, at.line, at.column}, read.why);
}

void ResponseFinder::problem(std::size_t line, std::size_t column, std::string_view why) {
  handler_->bad_record({name_, line, column}, why);
}

void ResponseFinder::incomplete(const Record& so_far, std::string_view why) {
  // Log text that ended with "{" and went on with what was no JSON.
  if ((so_far.in_text && so_far.json.find("\"Code\"") == std::string_view::npos) ||
      curl_trace(trim_white_space(so_far.json)))
    return pass_over({name_, so_far.line}, so_far.json);
  // A problem before the end explains better why the record never ended:
  // the documentation's own example has a '】' where a ']' belongs.
  JsonSyntax syntax = check_json(so_far.json);
  if (syntax.problem && syntax.problem->offset < so_far.json.size()) {
    TextPosition at = position_in(so_far, syntax.problem->offset);
    handler_->bad_record({name_, at.line, at.column},
                         fmt::format("invalid JSON: {}", syntax.problem->why));
    return;
  }
  handler_->bad_record({name_, so_far.line}, why);
}

void ResponseFinder::other_line(std::size_t line, std::string_view text) {
  pass_over({name_, line}, text);
}

void ResponseFinder::pass_over(const Origin& origin, std::string_view text) {
  if (origin.line == last_passed_over_) return;  // lines are counted, not objects in them
  last_passed_over_ = origin.line;
  handler_->passed_over(origin);
  if (!mentions_code(text)) return;
  if (mentions_.lines++ == 0) mentions_.first = origin;
}

bool mentions_code(std::string_view text) {
  for (std::size_t at = text.find("Code"); at != std::string_view::npos;
       at = text.find("Code", at + 1)) {
    // A key begins after a quote, a backslash, a brace or white space...
    if (at > 0 && std::string_view("\"'\\{ \t,(").find(text[at - 1]) == std::string_view::npos)
      continue;
    // ...and is followed, after its closing quotes, by ':' or '='.
    std::size_t after = text.find_first_not_of("\"'\\ ", at + 4);
    if (after != std::string_view::npos && (text[after] == ':' || text[after] == '=')) return true;
  }
  return false;
}

}  // namespace dhcode
