// Reading the responses in one input: a file, or stdin.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "response.hpp"

namespace dhcode {

// Where a record came from: "api.log" line 12, or "stdin" line 1.
struct Origin {
  std::string_view name;
  std::size_t line = 0;
};

// Receives what an input holds, record by record, as soon as each is read.
class ResponseHandler {
 public:
  virtual ~ResponseHandler() = default;
  virtual void response(const Response& response, const Origin& origin) = 0;
  // A record that should be a response and is not: invalid JSON, no Code, a
  // Code of the wrong type or out of range, incomplete, too long.
  virtual void bad_record(const Origin& origin, std::string_view why) = 0;
  // Text that holds no response (a header, a log line, an object without a
  // Code key embedded in log text).
  virtual void passed_over(const Origin& origin) = 0;
};

// The name records from stdin are shown with.
inline constexpr std::string_view kStdinName = "stdin";

// How an input path is named in messages and origins: "-" is "stdin".
inline std::string_view input_name(const std::string& path) {
  return path == "-" ? kStdinName : std::string_view(path);
}

// Reads every response in the input at path ("-" for stdin). Returns 0, or
// the errno of a failure to open or read it (what was read before a read
// failure has been handled).
// Message and RequestId are left out of the responses unless with_text.
int read_responses(const std::string& path, ResponseHandler& handler, bool with_text = true);

// The same for an open file descriptor, whose records are shown as from name.
int read_responses_from(int fd, std::string_view name, ResponseHandler& handler,
                        bool with_text = true);

// The inputs a command reads: those given, or stdin when none is. With none
// given and stdin a terminal, nothing would ever arrive: the usage hint is
// reported and the result is empty (the command then exits 64).
std::vector<std::string> inputs_or_stdin(const std::vector<std::string>& given,
                                         std::string_view usage_hint);

// One line on stderr each: "api.log:12: invalid JSON (...)";
// "missing.json: cannot read: No such file or directory".
void report_bad_record(const Origin& origin, std::string_view why);
void report_input_error(const std::string& path, int error);

}  // namespace dhcode
