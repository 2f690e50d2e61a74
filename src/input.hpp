// Reading the responses in a command's inputs: files, or stdin.
//
// The pipeline for one input: a ByteSource (byte_source.hpp; decompressed
// by decompress.hpp when it is gzip or zstd) -> LineReader
// (line_reader.hpp) -> RecordSplitter (record_splitter.hpp) ->
// ResponseFinder (response_finder.hpp) -> the command's ResponseHandler.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "byte_source.hpp"
#include "exit_status.hpp"
#include "line_reader.hpp"
#include "response_finder.hpp"

namespace dhcode {

// The name records from stdin are shown with.
inline constexpr std::string_view kStdinName = "stdin";

// How an input path is named in messages and origins: "-" is "stdin".
inline std::string_view input_name(const std::string& path) {
  return path == "-" ? kStdinName : std::string_view(path);
}

// How reading one input ended, when it did not simply reach its end.
struct ReadEnd {
  int error = 0;          // the errno of a failure to open or read it
  std::string problem;    // data that cannot be decoded: "the gzip data is truncated"
  CodeMentions mentions;  // lines passed over that mention a Code key
};

// Sees each line of an input before it is split into records (verify
// --callback looks for a callback's parameters in them).
class LineWatcher {
 public:
  virtual ~LineWatcher() = default;
  virtual void line(const Line& line) = 0;
};

// Reads every response in a source (decompressed or transcoded first, as
// input_format.hpp decides), whose records are shown as from name. What was read before a
// failure has been handled. Message and RequestId are left out unless
// with_text.
ReadEnd read_responses_from(ByteSource& source, std::string_view name, ResponseHandler& handler,
                            bool with_text = true, LineWatcher* watcher = nullptr);

// An input opened for reading: the file at path, or stdin for "-"; closed
// when done (stdin is left open).
class InputFile {
 public:
  explicit InputFile(const std::string& path);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  int open_error() const { return open_error_; }  // an errno value, or 0
  ByteSource& bytes() { return bytes_; }          // when open_error() is 0

 private:
  int fd_;
  int open_error_ = 0;
  FdSource bytes_;
};

// The same for the input at path ("-" for stdin).
ReadEnd read_responses(const std::string& path, ResponseHandler& handler, bool with_text = true,
                       LineWatcher* watcher = nullptr);

struct ReadOptions {
  bool with_text = true;  // Message and RequestId (stats counts codes only)
  // explain: an input that held no record at all is reported as holding no
  // response (an empty reply, an HTML error page), and the result is 65.
  bool each_needs_a_response = false;
  // explain: a missing file whose name has neither '/' nor '.' was most
  // likely meant as a code; it is reported so, and the result is 65.
  bool bare_words_are_codes = false;
};

// The loop of every command that reads responses: each input in turn into
// one handler. An input that cannot be opened or read is reported and makes
// the result 66 (no_input); compressed data that is corrupt or cut off is
// reported and makes it 65 (what came before it is kept), as does an input
// that is not text dhcode reads (an archive, an image); lines passed over
// that mention a Code key are counted and said once an input; the handler
// decides about the records.
ExitStatus read_inputs(std::span<const std::string> inputs, ResponseHandler& handler,
                       const ReadOptions& options = {});

// The inputs a command reads: those given, or stdin when none is. With none
// given and stdin a terminal, nothing would ever arrive: the usage hint is
// reported and the result is empty (the command then exits 64).
std::vector<std::string> inputs_or_stdin(const std::vector<std::string>& given,
                                         std::string_view usage_hint);

// One line on stderr each: "api.log:12: invalid JSON (...)";
// "missing.json: cannot read: No such file or directory".
void report_bad_record(const Origin& origin, std::string_view why);
std::string input_error_message(const std::string& path, int error);
void report_input_error(const std::string& path, int error);
// "api.log:12: 3 lines mention Code but hold no response dhcode can read"
void report_code_mentions(const CodeMentions& mentions);

}  // namespace dhcode
