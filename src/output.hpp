// Where results and diagnostics go: results to stdout, diagnostics to stderr.
#pragma once

#include <cstdio>
#include <string>
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

// While one lives, what its thread reports is kept in a text rather than
// written, to be written later in the order the inputs were given (inputs
// read at once on several threads).
class ReportCapture {
 public:
  explicit ReportCapture(std::string& into);
  ~ReportCapture();
  ReportCapture(const ReportCapture&) = delete;
  ReportCapture& operator=(const ReportCapture&) = delete;

 private:
  std::string* previous_;
};

// Writes text that a ReportCapture kept to stderr.
void write_reports(std::string_view kept);

}  // namespace dhcode
