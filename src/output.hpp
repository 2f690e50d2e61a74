// Where results and diagnostics go: results to stdout, diagnostics to stderr.
#pragma once

#include <string_view>

namespace dhcode {

// How results are written: JSON for scripts, or text, coloured or not
// (decided once, in color.cpp). Every command's request carries one.
struct Style {
  bool json = false;
  bool color = false;
};

// Writes results to stdout. Each write is flushed, so a reader at the other
// end of a pipe sees each result as soon as it is ready. Remembers whether a
// write failed (a full disk, a closed pipe) so the command can say so once.
class Output {
 public:
  void write(std::string_view text);
  bool failed() const { return error_ != 0; }
  int error() const { return error_; }  // the errno of the failed write, or 0

 private:
  int error_ = 0;
};

// One line on stderr: "dhcode: <message>".
void report(std::string_view message);

}  // namespace dhcode
