#include "input.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "code_argument.hpp"
#include "cri_lines.hpp"
#include "input_format.hpp"
#include "line_reader.hpp"
#include "output.hpp"
#include "record_splitter.hpp"
#include "safe_text.hpp"

namespace dhcode {
namespace {

// Passes everything on, counting the records that were meant as responses
// (readable or not), so an input without a single one is not passed over in
// silence.
class RecordCounter : public ResponseHandler {
 public:
  explicit RecordCounter(ResponseHandler& handler) : handler_(handler) {}
  void response(const Response& response, const Origin& origin) override {
    ++records;
    handler_.response(response, origin);
  }
  void callback(const TaskReport& callback, const Origin& origin) override {
    ++records;
    handler_.callback(callback, origin);
  }
  void bad_record(const Origin& origin, std::string_view why) override {
    ++records;
    handler_.bad_record(origin, why);
  }
  void passed_over(const Origin& origin) override { handler_.passed_over(origin); }

  std::size_t records = 0;

 private:
  ResponseHandler& handler_;
};

bool bare_word(const std::string& path) {
  return path.find_first_of("/.") == std::string::npos;
}

// What one input that cannot be read comes to, and why (for stderr).
struct Unreadable {
  ExitStatus status;
  std::string why;
};

Unreadable unreadable(const std::string& path, int error, const ReadOptions& options) {
  if (options.bare_words_are_codes && error == ENOENT && bare_word(path))
    return {ExitStatus::data_error,
            fmt::format("argument \"{}\": neither a code nor a file; a code is a whole number "
                        "such as 400000008",
                        visible(path))};
  if (error == ENOENT && looks_like_code(path))  // check 400010009: a code where a file is read
    return {ExitStatus::no_input,
            fmt::format("{}: no such file; to explain a code, use 'dhcode explain {}'",
                        visible(path), visible(path))};
  return {ExitStatus::no_input, input_error_message(path, error)};
}

// An input without a response, and its nearest miss: a Code key in another
// case, alone ({"code":400000008} is read as an ordinary field).
std::string no_response_message(const std::string& path, const CodeMentions& mentions) {
  std::string message = fmt::format("{}: holds no response", visible(input_name(path)));
  if (!mentions.miscased_key.empty())
    message += fmt::format("; line {} has '{}' (keys are case-sensitive: a response has 'Code')",
                           mentions.miscased_at.line, visible(mentions.miscased_key));
  return message;
}

}  // namespace

ReadEnd read_responses_from(ByteSource& raw, std::string_view name, ResponseHandler& handler,
                            bool with_text, LineWatcher* watcher) {
  std::unique_ptr<ByteSource> source = open_input(raw);
  ResponseFinder finder(name, handler, with_text);
  RecordSplitter splitter(finder);
  LineReader reader(*source);
  CriJoiner joiner;
  auto to_splitter = [&splitter, watcher](const Line& line) {
    if (watcher) watcher->line(line);
    splitter.line(line);
  };
  Line line;
  while (reader.next(line)) joiner.line(line, to_splitter);
  joiner.end(to_splitter);
  splitter.end();
  finder.end_of_input();
  return {source->error(), source->problem(), finder.code_mentions()};
}

InputFile::InputFile(const std::string& path)
    : fd_(path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC)),
      open_error_(fd_ < 0 ? errno : 0),
      bytes_(fd_) {}

InputFile::~InputFile() {
  if (fd_ >= 0 && fd_ != STDIN_FILENO) ::close(fd_);
}

ReadEnd read_responses(const std::string& path, ResponseHandler& handler, bool with_text,
                       LineWatcher* watcher) {
  InputFile input(path);
  if (input.open_error()) return {input.open_error(), {}, {}};
  return read_responses_from(input.bytes(), input_name(path), handler, with_text, watcher);
}

ExitStatus read_inputs(std::span<const std::string> inputs, ResponseHandler& handler,
                       const ReadOptions& options) {
  ExitStatus status = ExitStatus::ok;
  for (const std::string& path : inputs) {
    // Only explain asks whether each input held a response: the others are
    // spared a call per record.
    RecordCounter counter(handler);
    ResponseHandler& reader = options.each_needs_a_response ? counter : handler;
    ReadEnd end = read_responses(path, reader, options.with_text);
    // The nearest misses first: they say why an input may seem to hold none.
    if (end.mentions.lines > 0) {
      report_code_mentions(end.mentions);
      handler.code_mentions(end.mentions.first, end.mentions.lines);
    }
    // Said on stderr, and to the handler for a CI report.
    auto input_problem = [&](ExitStatus problem, const std::string& why) {
      report(why);
      handler.input_problem(input_name(path), why);
      status = worse(status, problem);
    };
    if (end.error) {
      Unreadable input = unreadable(path, end.error, options);
      input_problem(input.status, input.why);
    } else if (!end.problem.empty()) {
      input_problem(ExitStatus::data_error,
                    fmt::format("{}: {}", visible(input_name(path)), end.problem));
    } else if (options.each_needs_a_response && counter.records == 0) {
      input_problem(ExitStatus::data_error, no_response_message(path, end.mentions));
    }
  }
  return status;
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
  if (origin.column == 0)
    report(fmt::format("{}:{}: {}", visible(origin.name), origin.line, why));
  else
    report(fmt::format("{}:{}:{}: {}", visible(origin.name), origin.line, origin.column, why));
}

void report_code_mentions(const CodeMentions& mentions) {
  report(fmt::format("{}:{}: {} {} Code but {} no response dhcode can read",
                     visible(mentions.first.name), mentions.first.line, mentions.lines,
                     mentions.lines == 1 ? "line mentions" : "lines mention",
                     mentions.lines == 1 ? "holds" : "hold"));
}

std::string input_error_message(const std::string& path, int error) {
  return fmt::format("{}: cannot read: {}", visible(input_name(path)), std::strerror(error));
}

void report_input_error(const std::string& path, int error) {
  report(input_error_message(path, error));
}

}  // namespace dhcode
