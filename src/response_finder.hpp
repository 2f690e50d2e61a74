// The stage between the record splitter and a command: parses each record,
// decides whether it is a response, and hands responses and problems on.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "record_splitter.hpp"
#include "response.hpp"

namespace dhcode {

// Receives what an input holds, record by record, as soon as each is read.
// Each command that reads responses (explain, check, stats) has one.
class ResponseHandler {
 public:
  virtual ~ResponseHandler() = default;
  virtual void response(const Response& response, const Origin& origin) = 0;
  // A callback the service sent (task_status.hpp).
  virtual void callback(const TaskReport& callback, const Origin& origin) = 0;
  // A record that should be a response and is not: invalid JSON, no Code, a
  // Code of the wrong type or out of range, incomplete, too long.
  virtual void bad_record(const Origin& origin, std::string_view why) = 0;
  // Text that holds no response (a header, a log line, an object without a
  // Code key embedded in log text).
  virtual void passed_over(const Origin& origin) = 0;
  // An input that could not be read, or held nothing that was asked for:
  // why, as said on stderr (read_inputs).
  virtual void input_problem(std::string_view name, std::string_view why) {
    static_cast<void>(name);
    static_cast<void>(why);
  }
  // Once an input is read: how many of the lines passed over mention a Code
  // key (mentions_code) and where the first was. Only called when some did.
  virtual void code_mentions(const Origin& first, std::size_t lines) {
    static_cast<void>(first);
    static_cast<void>(lines);
  }
};

// Whether text mentions a Code key, in any quoting a log may use: "Code":,
// 'Code':, \"Code\":, Code=, Code: (a line passed over that does may hold a
// response in a form dhcode cannot read, and is worth saying so).
bool mentions_code(std::string_view text);

// Lines passed over that mention a Code key.
struct CodeMentions {
  std::size_t lines = 0;
  Origin first;
  // The first record with a Code key in another case alone ({"code":...}).
  std::string miscased_key;
  Origin miscased_at;
};

// Decides what each record is and hands it on:
// - a line that is only a code ("400000008") is that code;
// - a record with a Code key is a response (or a bad one);
// - a Python dict as repr() prints it ({'Code': ...}) is read as JSON;
// - in log text, a Go struct as fmt prints it ({Code:400000008 ...}) and a
//   logfmt value quoted the Go way (resp="{\"Code\":...}") are read;
// - a record without one is searched for responses inside it: objects up
//   to kNestedSearchDepth levels down, and strings that mention Code, read
//   as text of their own (docker's "log", journald's MESSAGE), and strings
//   in those again, up to kStringLevels times (a JSON logger's record in
//   docker's log escapes the response twice); a response found both as an
//   object and in a string (same Code and RequestId) counts once;
// - a record that holds no response is passed over, as is text in braces in
//   a log line that does not mention "Code";
// - invalid JSON is reported with the line and column where it goes wrong.
// How many times strings inside strings are read again as text.
inline constexpr int kStringLevels = 4;

class ResponseFinder : public RecordSink {
 public:
  // Message and RequestId are left out of the responses unless with_text.
  // Strings are read again string_levels times.
  ResponseFinder(std::string_view name, ResponseHandler& handler, bool with_text,
                 int string_levels = kStringLevels);
  ~ResponseFinder() override;
  ResponseFinder(const ResponseFinder&) = delete;
  ResponseFinder& operator=(const ResponseFinder&) = delete;

  bool record(const Record& record, bool guess) override;
  void problem(std::size_t line, std::size_t column, std::string_view why) override;
  void incomplete(const Record& so_far, std::string_view why) override;
  void other_line(std::size_t line, std::string_view text) override;

  const CodeMentions& code_mentions() const { return mentions_; }
  // The input ended: a docker log line whose last part never came is read
  // as it is.
  void end_of_input();

 private:
  [[gnu::always_inline]] inline void hand_on(const ReadRecord& read, const Record& record,
                                             const Origin& origin);
  void read_bare_code(const Record& record, const Origin& origin);
  void read_python_repr(const Record& record, const Origin& origin);
  // A response found after log text gets the time the line starts with.
  void give_with_line_time(const Response& response, const Record& record, const Origin& origin);
  void hand_on_callback(const TaskReport& callback, const Record& record, const Origin& origin);
  bool search_texts(const ReadRecord& read, const Record& record, const Origin& origin);
  // Reads strings as text of their own; responses in them are handed on as
  // found in the record (unless already found as objects), with time, else
  // the time the record's line starts with.
  bool search_strings(std::span<const std::string_view> texts, std::span<const Response> already,
                      std::optional<std::string_view> time, const Record& record,
                      const Origin& origin);
  // docker's parts of a line over 16 KiB, joined before they are read.
  void join_docker_part(const ReadRecord& read, const Record& record, const Origin& origin);
  void read_docker_line(const Record& record);
  // A Go struct printed by fmt, or a logfmt value quoted the Go way.
  bool read_go_forms(const Record& record, const Origin& origin);
  void search_text(std::string_view text, ResponseHandler& handler);
  // A text that is one line holding one whole object (docker's log of a
  // JSON logger) read without the splitter: false when it is not, or is
  // not valid JSON (the splitter then looks closer).
  bool read_whole_object(std::string_view text);
  void report_invalid(const Record& record, const ReadRecord& read);
  // Passes a record or line over, once a line, noting whether it mentions Code.
  void pass_over(const Origin& origin, std::string_view text);

  std::string_view name_;
  ResponseHandler* handler_;
  bool with_text_;
  int string_levels_;
  ResponseParser parser_;
  std::unique_ptr<ResponseFinder> inner_;  // reads the strings that mention Code
  // The same, with Message and RequestId, for strings beside responses found
  // as objects: they are told apart by their Code and RequestId.
  std::unique_ptr<ResponseFinder> inner_with_text_;
  std::string text_;                        // the string being read, with room after it
  std::string python_json_;                 // a Python dict, written as JSON
  Response timed_;                          // a response given a time (with_time)
  std::size_t last_passed_over_ = 0;        // the line passed over last
  std::string docker_parts_;                // the parts of a docker line so far
  std::size_t docker_line_ = 0;             // where its first part was
  std::optional<std::string> docker_time_;  // and that part's time
  bool docker_too_long_ = false;
  CodeMentions mentions_;
};

}  // namespace dhcode
