#include "line_reader.hpp"

#include <fmt/format.h>

#include <cstring>

namespace dhcode {
namespace {

// Small enough to stay in the CPU's cache while its lines are parsed (larger
// chunks measured slower).
constexpr std::size_t kChunkBytes = 64 * 1024;
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::size_t max_record = kDefaultMaxRecordBytes;

}  // namespace

std::size_t max_record_bytes() {
  return max_record;
}
void set_max_record_bytes(std::size_t bytes) {
  max_record = bytes;
}

std::string too_long_message(std::string_view what) {
  std::string limit = max_record % (1024 * 1024) == 0
                          ? fmt::format("{} MiB", max_record / (1024 * 1024))
                          : fmt::format("{} bytes", max_record);
  return fmt::format(
      "{} longer than {} ({} bytes); skipped (--max-record SIZE raises the limit, "
      "e.g. --max-record 64M)",
      what, limit, max_record);
}

LineReader::LineReader(ByteSource& source)
    : source_(source), chunk_(new char[kChunkBytes + kLinePadding]), max_record_(max_record) {}

bool LineReader::fill() {
  std::size_t got = source_.read(chunk_.get(), kChunkBytes);
  std::memset(chunk_.get() + got, 0, kLinePadding);  // what a parser may read past a line
  if (got == 0) {
    at_end_ = true;
    return false;
  }
  begin_ = 0;
  end_ = got;
  return true;
}

Line LineReader::finish(std::string_view text, bool too_long) {
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  // A byte order mark starts a file; files joined with cat have one per file.
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  // Empty when too long, but still pointing at readable bytes (cri_lines.hpp).
  return {too_long ? text.substr(0, 0) : text, ++number_, too_long};
}

bool LineReader::next(Line& line) {
  long_line_.clear();
  skipping_ = false;
  for (;;) {
    if (begin_ == end_ && (at_end_ || !fill())) {
      // The input ended. A last line without a line end is still a line.
      if (long_line_.empty() && !skipping_) return false;
      long_line_.reserve(long_line_.size() + kLinePadding);
      line = finish(long_line_, skipping_);
      skipping_ = false;
      return true;
    }
    const char* start = chunk_.get() + begin_;
    std::size_t available = end_ - begin_;
    const void* newline = std::memchr(start, '\n', available);
    std::size_t length =
        newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - start) : available;
    begin_ += newline ? length + 1 : length;

    if (!skipping_ && long_line_.size() + length > max_record_) {
      skipping_ = true;  // keep reading to the line's end, keeping nothing
      long_line_.clear();
    }
    if (newline && long_line_.empty() && !skipping_) {
      // The whole line lies in the chunk: hand it out in place. The chunk's
      // own padding, or the bytes after the line, are readable.
      line = finish(std::string_view(start, length), false);
      return true;
    }
    if (!skipping_) long_line_.append(start, length);
    if (newline) {
      long_line_.reserve(long_line_.size() + kLinePadding);
      line = finish(long_line_, skipping_);
      return true;
    }
  }
}

}  // namespace dhcode
