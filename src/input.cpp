#include "input.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "line_reader.hpp"
#include "output.hpp"
#include "record_splitter.hpp"
#include "safe_text.hpp"

namespace dhcode {
namespace {

// Connects the splitter to the parser and the handler, and decides what a
// record found in log text is: such a record is only taken for a response
// when it has a Code key (or, if it is not valid JSON, mentions one).
class ResponseSink : public RecordSink {
 public:
  ResponseSink(std::string_view name, ResponseHandler& handler, bool with_text)
      : name_(name), handler_(handler), with_text_(with_text) {}

  bool record(const Record& record, bool guess) override {
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

  void problem(std::size_t line, std::string_view why) override {
    handler_.bad_record({name_, line}, why);
  }

  void other_line(std::size_t line) override { handler_.passed_over({name_, line}); }

 private:
  static bool meant_as_response(const Record& record, const ReadRecord& read) {
    if (read.kind == RecordKind::not_json)
      return record.json.find("\"Code\"") != std::string_view::npos;
    return read.has_code_key;
  }

  std::string_view name_;
  ResponseHandler& handler_;
  bool with_text_;
  ResponseParser parser_;
};

}  // namespace

int read_responses_from(int fd, std::string_view name, ResponseHandler& handler, bool with_text) {
  ResponseSink sink(name, handler, with_text);
  RecordSplitter splitter(sink);
  LineReader reader(fd);
  Line line;
  while (reader.next(line)) splitter.line(line);
  splitter.end();
  return reader.error();
}

int read_responses(const std::string& path, ResponseHandler& handler, bool with_text) {
  if (path == "-") return read_responses_from(STDIN_FILENO, kStdinName, handler, with_text);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno;
  int error = read_responses_from(fd, path, handler, with_text);
  ::close(fd);
  return error;
}

std::vector<std::string> inputs_or_stdin(const std::vector<std::string>& given,
                                         std::string_view usage_hint) {
  if (!given.empty()) return given;
  if (isatty(STDIN_FILENO)) {
    report(usage_hint);
    return {};
  }
  return {"-"};
}

void report_bad_record(const Origin& origin, std::string_view why) {
  report(fmt::format("{}:{}: {}", visible(origin.name), origin.line, why));
}

void report_input_error(const std::string& path, int error) {
  report(fmt::format("{}: cannot read: {}", visible(input_name(path)), std::strerror(error)));
}

}  // namespace dhcode
