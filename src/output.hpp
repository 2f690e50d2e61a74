// Where results and diagnostics go: results to stdout, diagnostics to stderr.
#pragma once

#include <cstdio>
#include <string_view>

namespace dhcode {

// Writes results to stdout (or, for tests, another stream). Each write is flushed, so a reader at
// the other end of a pipe sees each result as soon as it is ready. Remembers whether a write failed
// (a full disk, a closed pipe) so the command can say so once.
class Output {
 public:
  explicit Output(std::FILE* to = stdout) : to_(to) {}
  void write(std::string_view text);
  bool failed() const { return error_ != 0; }
  int error() const { return error_; }  // the errno of the failed write, or 0

 private:
  std::FILE* to_;
  int error_ = 0;
};

// One line on stderr: "dhcode: <message>".
void report(std::string_view message);

}  // namespace dhcode
