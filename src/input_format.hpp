// What an input is, from its first bytes (never its name), and how dhcode
// reads it: as text, through a decompressor, through a transcoder to UTF-8,
// or not at all, with one line that says what it is.
//
// kInputFormats is the one list: detection, the refusal messages, the
// docs/logs.md's list and the tests derive from it.
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include "byte_source.hpp"

namespace dhcode {

enum class Handling {
  decompress,  // compressed text: read through a library opened with dlopen
  transcode,   // text in another encoding than UTF-8: turned into UTF-8
  refuse,      // not text dhcode can read: an archive, an image, a capture
};

struct InputFormat {
  std::string_view name;   // "gzip", "UTF-16LE text", "a 7-Zip archive"
  std::string_view magic;  // the bytes that say so
  std::size_t offset;      // where they sit (tar: 257)
  Handling handling;
  // decompress: the library opened; refuse: what to do instead, or empty.
  std::string_view library_or_advice;
  std::unique_ptr<ByteSource> (*open)(std::unique_ptr<ByteSource>);  // null for refuse
};

std::span<const InputFormat> input_formats();

// The source to read an input through: raw itself when it is UTF-8 text;
// a decompressor or transcoder around it; or, when dhcode cannot read it,
// a source that gives nothing and whose problem() is one line saying what
// the input is ("a 7-Zip archive; dhcode reads ..."). Reads the first bytes
// of raw to decide (they are handed out again).
std::unique_ptr<ByteSource> open_input(ByteSource& raw);

// The first byte of a text's start that says it is not text, or npos. Runs
// of NUL bytes (a log truncated in place by logrotate's copytruncate is
// NUL-padded) and the controls that text holds (tab, line ends, form feed,
// escape) are text; data with more than a few other control bytes is not.
std::size_t not_text_at(std::string_view start);

}  // namespace dhcode
