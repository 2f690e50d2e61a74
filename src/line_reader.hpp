// Reading input a line at a time, with bounded memory, as it arrives.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "byte_source.hpp"

namespace dhcode {

// The longest line or record dhcode reads; longer ones are reported and
// skipped. 1 MiB unless --max-record sets another limit for the run (whole-
// file exports such as a HAR file are one long record); memory grows with it.
inline constexpr std::size_t kDefaultMaxRecordBytes = 1024 * 1024;
std::size_t max_record_bytes();
void set_max_record_bytes(std::size_t bytes);

// "line longer than 1 MiB; skipped (--max-record raises the limit)": what
// too long is, named as the limit and the option that raises it.
std::string too_long_message(std::string_view what);

// Bytes guaranteed readable after every line handed out, so a JSON parser
// that reads ahead in blocks (simdjson) can parse a line in place.
inline constexpr std::size_t kLinePadding = 64;

struct Line {
  // Without the line end ("\n" or "\r\n") or a leading BOM; text.data()[0] is
  // readable even when the line is empty.
  std::string_view text;
  std::size_t number = 0;  // 1 for the first line
  bool too_long = false;   // longer than max_record_bytes(): text is empty, the line was skipped
};

// Reads a source of bytes line by line. A line is handed out as soon as its
// end arrives, so a pipe fed slowly (tail -f) is read as it is written.
// Memory stays below a few times max_record_bytes() whatever the input size.
class LineReader {
 public:
  explicit LineReader(ByteSource& source);

  // The next line, or false at the end of the input. The line's text stays
  // valid until the next call. Returns false too when a read fails; the
  // source's error() says why.
  bool next(Line& line);

 private:
  bool fill();
  [[gnu::always_inline]] inline Line finish(std::string_view text, bool too_long);  // once a line

  ByteSource& source_;
  bool at_end_ = false;
  // What read() brought, plus padding; not cleared when made (a run reads
  // many short inputs when fuzzed): the padding after each read is.
  std::unique_ptr<char[]> chunk_;
  std::size_t begin_ = 0;  // the unread part of chunk_ is [begin_, end_)
  std::size_t end_ = 0;
  std::string long_line_;  // a line that spans chunks is gathered here
  bool skipping_ = false;  // inside a line that is already too long
  std::size_t number_ = 0;
  std::size_t max_record_;  // max_record_bytes() when the reading began
};

}  // namespace dhcode
