// Text in UTF-16 or UTF-32 (PowerShell's `>` writes UTF-16LE with a byte
// order mark), turned into UTF-8 as it streams, so that every later stage
// reads UTF-8. Line numbers stay those of the text: line ends are kept.
#pragma once

#include <memory>

#include "byte_source.hpp"

namespace dhcode {

// A source of the UTF-8 form of text in the encoding named as iconv names
// it ("UTF-16LE"). A leading byte order mark comes out as UTF-8's (which the
// line reader drops); a sequence that is not valid in the encoding comes out
// as U+FFFD, and the rest is read on.
std::unique_ptr<ByteSource> utf8_from(std::unique_ptr<ByteSource> text, const char* encoding);

std::unique_ptr<ByteSource> from_utf16le(std::unique_ptr<ByteSource> text);
std::unique_ptr<ByteSource> from_utf16be(std::unique_ptr<ByteSource> text);
std::unique_ptr<ByteSource> from_utf32le(std::unique_ptr<ByteSource> text);
std::unique_ptr<ByteSource> from_utf32be(std::unique_ptr<ByteSource> text);

}  // namespace dhcode
