// Decompressing an input as a stream: gzip, zstd, bzip2, xz and lz4 frames.
// input_format.hpp decides from the first bytes which one an input needs.
//
// Each library is opened with dlopen only when its kind of input appears:
// linking them would cost every run of dhcode their start-up, and most runs
// read no compressed input (docs/development.md, "Speed and memory").
#pragma once

#include <memory>

#include "byte_source.hpp"

namespace dhcode {

// A source of the decompressed bytes of compressed. When the library cannot
// be loaded, or the data is corrupt or cut off, problem() says so and
// reading ends (what came before is handed out).
// gzip is inflated with ISA-L when libisal.so.2 is there (several times
// faster), else with zlib; both give the same bytes (tests/unit).
std::unique_ptr<ByteSource> gunzipped(std::unique_ptr<ByteSource> compressed);
std::unique_ptr<ByteSource> gunzipped_with_zlib(std::unique_ptr<ByteSource> compressed);
bool gzip_inflates_with_isal();
std::unique_ptr<ByteSource> unzstded(std::unique_ptr<ByteSource> compressed);
std::unique_ptr<ByteSource> bunzipped(std::unique_ptr<ByteSource> compressed);
std::unique_ptr<ByteSource> unxzed(std::unique_ptr<ByteSource> compressed);
std::unique_ptr<ByteSource> unlz4ed(std::unique_ptr<ByteSource> compressed);

}  // namespace dhcode
