#include "cri_lines.hpp"

#include "log_time.hpp"

namespace dhcode {

CriJoiner::Part CriJoiner::part_of(std::string_view line) {
  // TIME (RFC 3339), a blank, stdout or stderr, a blank, the tag (P or F,
  // maybe followed by more tags after ':'), a blank.
  std::size_t time_end = line.find(' ');
  if (time_end == std::string_view::npos || !is_rfc3339(line.substr(0, time_end))) return {};
  std::string_view rest = line.substr(time_end + 1);
  std::size_t stream_end = rest.find(' ');
  std::string_view stream = rest.substr(0, stream_end);
  if (stream_end == std::string_view::npos || (stream != "stdout" && stream != "stderr"))
    return {};
  rest = rest.substr(stream_end + 1);
  std::size_t tag_end = rest.find(' ');
  std::string_view tag = rest.substr(0, tag_end);
  if (tag.empty() || (tag[0] != 'P' && tag[0] != 'F') || (tag.size() > 1 && tag[1] != ':'))
    return {};
  std::size_t prefix_size = time_end + 1 + stream_end + 1;
  std::size_t text_begin =
      tag_end == std::string_view::npos ? line.size() : prefix_size + tag_end + 1;
  return {tag[0], line.substr(0, prefix_size), stream, line.substr(text_begin)};
}

void CriJoiner::join(Split& split, const Part& part, const Line& line) {
  if (!split.active) {
    split.active = true;
    ++pending_;
    split.too_long = false;
    split.number = line.number;
    split.joined.assign(part.prefix);
    split.joined += "F ";
  }
  if (split.too_long || line.too_long || split.joined.size() + part.text.size() > max_record_bytes()) {
    split.too_long = true;
    split.joined.clear();
    return;
  }
  split.joined += part.text;
}

Line CriJoiner::finish(Split& split) {
  split.active = false;
  --pending_;
  handed_out_.swap(split.joined);
  split.joined.clear();
  if (split.too_long) return {std::string_view(handed_out_.data(), 0), split.number, true};
  handed_out_.reserve(handed_out_.size() + kLinePadding);
  return {handed_out_, split.number, false};
}

}  // namespace dhcode
