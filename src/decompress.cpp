#include "decompress.hpp"

#include <bzlib.h>
#include <fmt/format.h>
#include <isa-l/igzip_lib.h>
#include <lz4frame.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <optional>
#include <string_view>
#include <vector>

#include "shared_library.hpp"

namespace dhcode {
namespace {

constexpr std::size_t kBufferBytes = 64 * 1024;

// ISA-L's inflate, when libisal.so.2 can be loaded (once a process).
struct IsalFunctions {
  decltype(&::isal_inflate_init) init = nullptr;
  decltype(&::isal_inflate_reset) reset = nullptr;
  decltype(&::isal_inflate) inflate = nullptr;
};

const IsalFunctions* isal_functions() {
  static const std::optional<IsalFunctions> loaded = []() -> std::optional<IsalFunctions> {
    IsalFunctions isal;
    std::string problem;
    if (!load_functions("libisal.so.2", problem, symbol("isal_inflate_init", isal.init),
                        symbol("isal_inflate_reset", isal.reset),
                        symbol("isal_inflate", isal.inflate)))
      return std::nullopt;  // zlib then
    return isal;
  }();
  return loaded ? &*loaded : nullptr;
}
// zstd frames may ask for a window of up to 128 MiB; dhcode keeps its memory
// bounded and refuses frames that need more than 16 MiB (2^24 bytes).
constexpr int kZstdWindowLogMax = 24;
// xz -9 needs 65 MiB to decompress; more than that is refused.
constexpr std::uint64_t kXzMemoryLimit = 70 * 1024 * 1024;

// Decompresses through a library: reads compressed bytes into in_, and lets
// decode() turn them into output. Each format says how to decode and
// whether the data may end where it ended.
class Decompressor : public ByteSource {
 public:
  Decompressor(std::unique_ptr<ByteSource> compressed, std::string_view format)
      : compressed_(std::move(compressed)), format_(format), in_(kBufferBytes) {}
  int error() const override { return compressed_->error(); }
  std::string problem() const override {
    return problem_.empty() ? compressed_->problem() : problem_;
  }

  std::size_t read(char* buffer, std::size_t size) override {
    while (problem_.empty()) {
      if (in_begin_ == in_end_ && !at_end_) refill();
      std::size_t produced = 0;
      std::size_t used_before = in_begin_;
      // What came out before a problem is handed out all the same.
      if (!decode(buffer, size, produced)) return produced;
      if (produced > 0) return produced;
      if (in_begin_ == used_before && in_begin_ < in_end_) {
        fail("the decoder makes no progress");
        return 0;
      }
      if (at_end_ && in_begin_ == in_end_) {
        if (!complete()) problem_ = fmt::format("the {} data is truncated", format_);
        return 0;
      }
    }
    return 0;
  }

 protected:
  // Decodes from in_ into buffer; false after setting problem_. Advances
  // in_begin_ over the input it used.
  virtual bool decode(char* buffer, std::size_t size, std::size_t& produced) = 0;
  // Whether the input ended where a stream may end.
  virtual bool complete() const = 0;

  void fail(std::string_view why) { problem_ = fmt::format("corrupt {} data: {}", format_, why); }
  // Several streams joined with cat: the next begins where one ended.
  bool next_begins_with(std::string_view magic) const {
    return std::string_view(in_.data() + in_begin_, in_end_ - in_begin_).starts_with(magic);
  }
  // After a gzip member, what follows must be another; false after failing.
  bool next_gzip_member() {
    if (next_begins_with("\x1f")) return true;
    fail("data after the end of the gzip stream");
    return false;
  }

  std::unique_ptr<ByteSource> compressed_;
  std::string_view format_;
  std::vector<char> in_;
  std::size_t in_begin_ = 0;
  std::size_t in_end_ = 0;
  bool at_end_ = false;
  std::string problem_;

 private:
  void refill() {
    in_begin_ = 0;
    in_end_ = compressed_->read(in_.data(), in_.size());
    if (in_end_ == 0) at_end_ = true;
  }
};

// gzip through ISA-L's inflate, which is several times faster than zlib's
// (Debian's libisal2): used when the library is there.
class IsalGzipSource : public Decompressor {
 public:
  explicit IsalGzipSource(std::unique_ptr<ByteSource> compressed, const IsalFunctions& isal)
      : Decompressor(std::move(compressed), "gzip"),
        isal_(isal),
        state_(std::make_unique<inflate_state>()) {
    isal_.init(state_.get());
    state_->crc_flag = ISAL_GZIP;  // the gzip header and trailer, its CRC checked
  }

 private:
  bool decode(char* buffer, std::size_t size, std::size_t& produced) override {
    if (member_ended_) {
      if (in_begin_ == in_end_) return true;
      if (!next_gzip_member()) return false;
      isal_.reset(state_.get());
      state_->crc_flag = ISAL_GZIP;
      member_ended_ = false;
    }
    state_->next_in = reinterpret_cast<std::uint8_t*>(in_.data() + in_begin_);
    state_->avail_in = static_cast<std::uint32_t>(in_end_ - in_begin_);
    state_->next_out = reinterpret_cast<std::uint8_t*>(buffer);
    state_->avail_out = static_cast<std::uint32_t>(size);
    int result = isal_.inflate(state_.get());
    in_begin_ = in_end_ - state_->avail_in;
    produced = size - state_->avail_out;
    if (state_->block_state == ISAL_BLOCK_FINISH) member_ended_ = true;
    if (result == ISAL_DECOMP_OK || result == ISAL_END_INPUT || result == ISAL_OUT_OVERFLOW)
      return true;
    fail(result == ISAL_INCORRECT_CHECKSUM ? "incorrect data check"
                                           : fmt::format("ISA-L inflate error {}", result));
    return false;
  }
  bool complete() const override { return member_ended_; }

  const IsalFunctions& isal_;
  std::unique_ptr<inflate_state> state_;
  bool member_ended_ = false;
};

class GzipSource : public Decompressor {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> compressed)
      : Decompressor(std::move(compressed), "gzip") {
    if (!load_functions("libz.so.1", problem_, symbol("inflateInit2_", init_),
                        symbol("inflate", inflate_), symbol("inflateReset", reset_),
                        symbol("inflateEnd", end_)))
      return;
    // 16 + 15: a gzip header, and the largest window.
    if (init_(&stream_, 16 + MAX_WBITS, ZLIB_VERSION, sizeof stream_) != Z_OK)
      problem_ = "cannot start zlib";
    else
      started_ = true;
  }
  ~GzipSource() override {
    if (started_) end_(&stream_);
  }

 private:
  bool decode(char* buffer, std::size_t size, std::size_t& produced) override {
    if (member_ended_) {
      if (in_begin_ == in_end_) return true;
      if (!next_gzip_member()) return false;
      reset_(&stream_);
      member_ended_ = false;
    }
    stream_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_begin_);
    stream_.avail_in = static_cast<uInt>(in_end_ - in_begin_);
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = static_cast<uInt>(size);
    int result = inflate_(&stream_, Z_NO_FLUSH);
    in_begin_ = in_end_ - stream_.avail_in;
    produced = size - stream_.avail_out;
    if (result == Z_STREAM_END) member_ended_ = true;
    if (result == Z_STREAM_END || result == Z_OK || result == Z_BUF_ERROR) return true;
    fail(stream_.msg ? stream_.msg : fmt::format("zlib error {}", result));
    return false;
  }
  bool complete() const override { return member_ended_; }

  decltype(&::inflateInit2_) init_ = nullptr;
  decltype(&::inflate) inflate_ = nullptr;
  decltype(&::inflateReset) reset_ = nullptr;
  decltype(&::inflateEnd) end_ = nullptr;
  z_stream stream_{};
  bool started_ = false;
  bool member_ended_ = false;
};

class ZstdSource : public Decompressor {
 public:
  explicit ZstdSource(std::unique_ptr<ByteSource> compressed)
      : Decompressor(std::move(compressed), "zstd") {
    if (!load_functions("libzstd.so.1", problem_, symbol("ZSTD_createDCtx", create_),
                        symbol("ZSTD_DCtx_setParameter", set_parameter_),
                        symbol("ZSTD_decompressStream", decompress_),
                        symbol("ZSTD_freeDCtx", free_), symbol("ZSTD_isError", is_error_),
                        symbol("ZSTD_getErrorName", error_name_)))
      return;
    context_ = create_();
    if (!context_) {
      problem_ = "cannot start libzstd";
      return;
    }
    set_parameter_(context_, ZSTD_d_windowLogMax, kZstdWindowLogMax);
  }
  ~ZstdSource() override {
    if (context_) free_(context_);
  }

 private:
  bool decode(char* buffer, std::size_t size, std::size_t& produced) override {
    ZSTD_inBuffer input{in_.data() + in_begin_, in_end_ - in_begin_, 0};
    ZSTD_outBuffer output{buffer, size, 0};
    if (input.size == 0 && frame_ended_) return true;
    std::size_t result = decompress_(context_, &output, &input);
    in_begin_ += input.pos;
    produced = output.pos;
    if (is_error_(result)) {
      fail(error_name_(result));
      return false;
    }
    frame_ended_ = result == 0;
    return true;
  }
  bool complete() const override { return frame_ended_; }

  decltype(&::ZSTD_createDCtx) create_ = nullptr;
  decltype(&::ZSTD_DCtx_setParameter) set_parameter_ = nullptr;
  decltype(&::ZSTD_decompressStream) decompress_ = nullptr;
  decltype(&::ZSTD_freeDCtx) free_ = nullptr;
  decltype(&::ZSTD_isError) is_error_ = nullptr;
  decltype(&::ZSTD_getErrorName) error_name_ = nullptr;
  ZSTD_DCtx* context_ = nullptr;
  bool frame_ended_ = true;  // nothing begun yet
};

class Bzip2Source : public Decompressor {
 public:
  explicit Bzip2Source(std::unique_ptr<ByteSource> compressed)
      : Decompressor(std::move(compressed), "bzip2") {
    if (load_functions("libbz2.so.1.0", problem_, symbol("BZ2_bzDecompressInit", init_),
                       symbol("BZ2_bzDecompress", decompress_),
                       symbol("BZ2_bzDecompressEnd", end_)))
      start();
  }
  ~Bzip2Source() override {
    if (started_) end_(&stream_);
  }

 private:
  void start() {
    stream_ = {};
    started_ = init_(&stream_, 0, 0) == BZ_OK;
    if (!started_) problem_ = "cannot start libbz2";
  }
  bool decode(char* buffer, std::size_t size, std::size_t& produced) override {
    if (stream_ended_) {
      if (in_begin_ == in_end_) return true;
      // pbzip2 and `cat a.bz2 b.bz2` write several streams.
      if (!next_begins_with("BZh")) {
        fail("data after the end of the bzip2 stream");
        return false;
      }
      end_(&stream_);
      start();
      if (!started_) return false;
      stream_ended_ = false;
    }
    stream_.next_in = in_.data() + in_begin_;
    stream_.avail_in = static_cast<unsigned>(in_end_ - in_begin_);
    stream_.next_out = buffer;
    stream_.avail_out = static_cast<unsigned>(size);
    int result = decompress_(&stream_);
    in_begin_ = in_end_ - stream_.avail_in;
    produced = size - stream_.avail_out;
    if (result == BZ_STREAM_END) stream_ended_ = true;
    if (result == BZ_STREAM_END || result == BZ_OK) return true;
    fail(result == BZ_MEM_ERROR ? "out of memory" : fmt::format("libbz2 error {}", result));
    return false;
  }
  bool complete() const override { return stream_ended_; }

  decltype(&::BZ2_bzDecompressInit) init_ = nullptr;
  decltype(&::BZ2_bzDecompress) decompress_ = nullptr;
  decltype(&::BZ2_bzDecompressEnd) end_ = nullptr;
  bz_stream stream_{};
  bool started_ = false;
  bool stream_ended_ = false;
};

std::string_view xz_problem(lzma_ret result) {
  switch (result) {
    case LZMA_MEMLIMIT_ERROR:
      return "it needs more than 70 MiB of memory to decompress";
    case LZMA_FORMAT_ERROR:
      return "not in the xz format";
    case LZMA_OPTIONS_ERROR:
      return "options this liblzma does not support";
    case LZMA_DATA_ERROR:
      return "the data is corrupt";
    case LZMA_BUF_ERROR:
      return "the data is truncated";
    default:
      return "liblzma cannot read it";
  }
}

class XzSource : public Decompressor {
 public:
  explicit XzSource(std::unique_ptr<ByteSource> compressed)
      : Decompressor(std::move(compressed), "xz") {
    if (!load_functions("liblzma.so.5", problem_, symbol("lzma_stream_decoder", init_),
                        symbol("lzma_code", code_), symbol("lzma_end", end_)))
      return;
    // Several streams joined with cat are read as one (LZMA_CONCATENATED).
    if (init_(&stream_, kXzMemoryLimit, LZMA_CONCATENATED) != LZMA_OK)
      problem_ = "cannot start liblzma";
    else
      started_ = true;
  }
  ~XzSource() override {
    if (started_) end_(&stream_);
  }

 private:
  bool decode(char* buffer, std::size_t size, std::size_t& produced) override {
    if (ended_) return true;
    stream_.next_in = reinterpret_cast<const std::uint8_t*>(in_.data() + in_begin_);
    stream_.avail_in = in_end_ - in_begin_;
    stream_.next_out = reinterpret_cast<std::uint8_t*>(buffer);
    stream_.avail_out = size;
    // The decoder learns that the input ended, so it can say whether the
    // last stream was whole.
    lzma_ret result = code_(&stream_, at_end_ ? LZMA_FINISH : LZMA_RUN);
    in_begin_ = in_end_ - stream_.avail_in;
    produced = size - stream_.avail_out;
    if (result == LZMA_STREAM_END) ended_ = true;
    // LZMA_BUF_ERROR: no progress possible yet; at the end, complete() says
    // the data was cut off.
    if (result == LZMA_STREAM_END || result == LZMA_OK || result == LZMA_BUF_ERROR) return true;
    fail(xz_problem(result));
    return false;
  }
  bool complete() const override { return ended_; }

  decltype(&::lzma_stream_decoder) init_ = nullptr;
  decltype(&::lzma_code) code_ = nullptr;
  decltype(&::lzma_end) end_ = nullptr;
  lzma_stream stream_ = LZMA_STREAM_INIT;
  bool started_ = false;
  bool ended_ = false;
};

class Lz4Source : public Decompressor {
 public:
  explicit Lz4Source(std::unique_ptr<ByteSource> compressed)
      : Decompressor(std::move(compressed), "lz4") {
    if (!load_functions(
            "liblz4.so.1", problem_, symbol("LZ4F_createDecompressionContext", create_),
            symbol("LZ4F_decompress", decompress_), symbol("LZ4F_freeDecompressionContext", free_),
            symbol("LZ4F_isError", is_error_), symbol("LZ4F_getErrorName", error_name_)))
      return;
    if (is_error_(create_(&context_, LZ4F_VERSION))) {
      context_ = nullptr;
      problem_ = "cannot start liblz4";
    }
  }
  ~Lz4Source() override {
    if (context_) free_(context_);
  }

 private:
  bool decode(char* buffer, std::size_t size, std::size_t& produced) override {
    std::size_t in_size = in_end_ - in_begin_;
    if (in_size == 0 && frame_ended_) return true;
    std::size_t out_size = size;
    // A frame that ends is followed by the next, if any (lz4 -c a b).
    std::size_t hint =
        decompress_(context_, buffer, &out_size, in_.data() + in_begin_, &in_size, nullptr);
    in_begin_ += in_size;
    produced = out_size;
    if (is_error_(hint)) {
      fail(error_name_(hint));
      return false;
    }
    frame_ended_ = hint == 0;
    return true;
  }
  bool complete() const override { return frame_ended_; }

  decltype(&::LZ4F_createDecompressionContext) create_ = nullptr;
  decltype(&::LZ4F_decompress) decompress_ = nullptr;
  decltype(&::LZ4F_freeDecompressionContext) free_ = nullptr;
  decltype(&::LZ4F_isError) is_error_ = nullptr;
  decltype(&::LZ4F_getErrorName) error_name_ = nullptr;
  LZ4F_dctx* context_ = nullptr;
  bool frame_ended_ = true;  // nothing begun yet
};

}  // namespace

std::unique_ptr<ByteSource> gunzipped(std::unique_ptr<ByteSource> compressed) {
  if (const IsalFunctions* isal = isal_functions())
    return std::make_unique<IsalGzipSource>(std::move(compressed), *isal);
  return gunzipped_with_zlib(std::move(compressed));
}
bool gzip_inflates_with_isal() {
  return isal_functions() != nullptr;
}
std::unique_ptr<ByteSource> gunzipped_with_zlib(std::unique_ptr<ByteSource> compressed) {
  return std::make_unique<GzipSource>(std::move(compressed));
}
std::unique_ptr<ByteSource> unzstded(std::unique_ptr<ByteSource> compressed) {
  return std::make_unique<ZstdSource>(std::move(compressed));
}
std::unique_ptr<ByteSource> bunzipped(std::unique_ptr<ByteSource> compressed) {
  return std::make_unique<Bzip2Source>(std::move(compressed));
}
std::unique_ptr<ByteSource> unxzed(std::unique_ptr<ByteSource> compressed) {
  return std::make_unique<XzSource>(std::move(compressed));
}
std::unique_ptr<ByteSource> unlz4ed(std::unique_ptr<ByteSource> compressed) {
  return std::make_unique<Lz4Source>(std::move(compressed));
}

}  // namespace dhcode
