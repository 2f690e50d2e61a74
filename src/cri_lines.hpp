// Kubernetes' container logs, as containerd and CRI-O write them (the CRI
// format: "2026-12-01T10:00:00.123456789Z stdout F text"), split a line
// longer than 16 KiB into parts tagged P, the last one F; the parts of
// stdout and stderr may come between each other. The joiner puts the parts
// back together before the records are looked for, so a response split
// over them is read whole.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "line_reader.hpp"

namespace dhcode {

class CriJoiner {
 public:
  // Hands each line on to out as it is, except the parts of a split line:
  // they are handed on as one line, once the last part has come, numbered
  // as the first. Parts that grow past max_record_bytes() are handed on as a
  // line too long to read (and reported as such).
  template <typename Out>
  void line(const Line& line, Out&& out) {
    // Most lines start otherwise ('{', a letter): decided by one character
    // (a line's data is readable at [0] even when it is empty: the reader's
    // padding, or a string's terminating NUL).
    if (static_cast<unsigned char>(line.text.data()[0] - '0') > 9 && !pending_) return out(line);
    Part part = part_of(line.text);
    if (!part.tag) {  // not a CRI line: split lines before it end here
      end(out);
      return out(line);
    }
    Split& split = splits_[part.stream == "stderr"];
    if (!split.active && part.tag == 'F') return out(line);
    join(split, part, line);
    if (part.tag == 'F') out(finish(split));
  }
  // The input ended: split lines whose last part never came, as they are.
  template <typename Out>
  void end(Out&& out) {
    if (!pending_) return;
    Split& first = splits_[splits_[1].active && (!splits_[0].active ||
                                                 splits_[1].number < splits_[0].number)];
    out(finish(first));
    if (pending_) out(finish(splits_[!(&first - splits_.data())]));
  }

 private:
  struct Part {
    char tag = 0;             // 'P' or 'F'; 0: not a CRI line
    std::string_view prefix;  // "TIME STREAM "
    std::string_view stream;  // stdout or stderr
    std::string_view text;    // what follows the tag
  };
  // A line of one stream being put together.
  struct Split {
    bool active = false;
    bool too_long = false;
    std::string joined;       // "TIME STREAM F " and the parts' text so far
    std::size_t number = 0;   // the first part's line
  };
  static Part part_of(std::string_view line);
  void join(Split& split, const Part& part, const Line& line);
  Line finish(Split& split);  // the joined line; the split ends

  std::array<Split, 2> splits_;  // stdout, stderr
  int pending_ = 0;              // how many are active
  std::string handed_out_;       // the joined line handed out, kept for its reader
};

}  // namespace dhcode
