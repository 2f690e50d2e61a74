// Compressed input: gzip and zstd files and pipes, recognised by their magic
// bytes (not their names) and decompressed as a stream.
//
// zlib and libzstd are opened with dlopen only when a compressed input
// appears: linking them would cost every run of dhcode their start-up,
// and most runs read no compressed input (README, "Speed and memory").
#pragma once

#include <memory>
#include <string>

#include "byte_source.hpp"

namespace dhcode {

// The source to read an input through: raw itself when its bytes are not
// compressed, or a decompressor around it. Reads the first bytes of raw to
// decide (they are handed out again).
std::unique_ptr<ByteSource> decompressed(ByteSource& raw);

}  // namespace dhcode
