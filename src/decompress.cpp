#include "decompress.hpp"

#include <fmt/format.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <vector>

#include "shared_library.hpp"

namespace dhcode {
namespace {

constexpr std::size_t kBufferBytes = 64 * 1024;
constexpr unsigned char kGzipMagic[] = {0x1f, 0x8b};
constexpr unsigned char kZstdMagic[] = {0x28, 0xb5, 0x2f, 0xfd};
// zstd frames may ask for a window of up to 128 MiB; dhcode keeps its memory
// bounded and refuses frames that need more than 16 MiB (2^24 bytes).
constexpr int kZstdWindowLogMax = 24;

// The bytes read from raw to look at its start, handed out again first.
class Peeked {
 public:
  explicit Peeked(ByteSource& raw) : raw_(raw), bytes_(kBufferBytes) {
    // A short first read may hold only part of a magic number: read on
    // while what arrived could still be one (a pipe delivers in pieces).
    while (size_ < sizeof kZstdMagic) {
      std::size_t got = raw_.read(bytes_.data() + size_, bytes_.size() - size_);
      if (got == 0) break;
      size_ += got;
      if (!starts_like(kZstdMagic) && !starts_like(kGzipMagic)) break;
    }
  }
  template <std::size_t n>
  bool starts_like(const unsigned char (&magic)[n]) const {
    std::size_t compared = std::min(size_, n);
    return size_ > 0 && std::memcmp(bytes_.data(), magic, compared) == 0;
  }
  template <std::size_t n>
  bool starts_with(const unsigned char (&magic)[n]) const {
    return size_ >= n && std::memcmp(bytes_.data(), magic, n) == 0;
  }
  // The peeked bytes first, then the rest of raw.
  std::size_t read(char* buffer, std::size_t size) {
    if (given_ < size_) {
      std::size_t n = std::min(size, size_ - given_);
      std::memcpy(buffer, bytes_.data() + given_, n);
      given_ += n;
      return n;
    }
    return raw_.read(buffer, size);
  }
  ByteSource& raw() const { return raw_; }

 private:
  ByteSource& raw_;
  std::vector<char> bytes_;
  std::size_t size_ = 0;
  std::size_t given_ = 0;
};

// Plain input: the peeked bytes, then the rest.
class PlainSource : public ByteSource {
 public:
  explicit PlainSource(ByteSource& raw) : peeked_(raw) {}
  Peeked& peeked() { return peeked_; }
  std::size_t read(char* buffer, std::size_t size) override { return peeked_.read(buffer, size); }
  int error() const override { return peeked_.raw().error(); }

 private:
  Peeked peeked_;
};

// Decompresses through a library: reads compressed bytes from the plain
// source into in_, and lets decode() turn them into output.
class Decompressor : public ByteSource {
 public:
  Decompressor(std::unique_ptr<PlainSource> plain, std::string_view format)
      : plain_(std::move(plain)), format_(format), in_(kBufferBytes) {}
  int error() const override { return plain_->error(); }
  std::string problem() const override { return problem_; }

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

  void fail(std::string why) { problem_ = fmt::format("corrupt {} data: {}", format_, why); }

  std::unique_ptr<PlainSource> plain_;
  std::string_view format_;
  std::vector<char> in_;
  std::size_t in_begin_ = 0;
  std::size_t in_end_ = 0;
  bool at_end_ = false;
  std::string problem_;

 private:
  void refill() {
    in_begin_ = 0;
    in_end_ = plain_->read(in_.data(), in_.size());
    if (in_end_ == 0) at_end_ = true;
  }
};

struct Zlib {
  decltype(&::inflateInit2_) init = nullptr;
  decltype(&::inflate) decode = nullptr;
  decltype(&::inflateReset) reset = nullptr;
  decltype(&::inflateEnd) end = nullptr;
};

class GzipSource : public Decompressor {
 public:
  explicit GzipSource(std::unique_ptr<PlainSource> plain) : Decompressor(std::move(plain), "gzip") {
    void* library = open_library("libz.so.1", problem_);  // to decompress gzip
    if (!library || !take(library, "inflateInit2_", zlib_.init, problem_) ||
        !take(library, "inflate", zlib_.decode, problem_) ||
        !take(library, "inflateReset", zlib_.reset, problem_) ||
        !take(library, "inflateEnd", zlib_.end, problem_))
      return;
    // 16 + 15: a gzip header, and the largest window.
    if (zlib_.init(&stream_, 16 + MAX_WBITS, ZLIB_VERSION, sizeof stream_) != Z_OK)
      problem_ = "cannot start zlib";
    else
      started_ = true;
  }
  ~GzipSource() override {
    if (started_) zlib_.end(&stream_);
  }

 private:
  bool decode(char* buffer, std::size_t size, std::size_t& produced) override {
    if (member_ended_) {
      if (in_begin_ == in_end_) return true;
      // Files joined with cat hold several gzip members, one after another.
      if (static_cast<unsigned char>(in_[in_begin_]) != kGzipMagic[0]) {
        fail("data after the end of the gzip stream");
        return false;
      }
      zlib_.reset(&stream_);
      member_ended_ = false;
    }
    stream_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_begin_);
    stream_.avail_in = static_cast<uInt>(in_end_ - in_begin_);
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = static_cast<uInt>(size);
    int result = zlib_.decode(&stream_, Z_NO_FLUSH);
    in_begin_ = in_end_ - stream_.avail_in;
    produced = size - stream_.avail_out;
    if (result == Z_STREAM_END) {
      member_ended_ = true;
      return true;
    }
    if (result == Z_OK || result == Z_BUF_ERROR) return true;
    fail(stream_.msg ? stream_.msg : fmt::format("zlib error {}", result));
    return false;
  }
  bool complete() const override { return member_ended_; }

  Zlib zlib_;
  z_stream stream_{};
  bool started_ = false;
  bool member_ended_ = false;
};

struct Zstd {
  decltype(&::ZSTD_createDCtx) create = nullptr;
  decltype(&::ZSTD_DCtx_setParameter) set_parameter = nullptr;
  decltype(&::ZSTD_decompressStream) decompress = nullptr;
  decltype(&::ZSTD_freeDCtx) free = nullptr;
  decltype(&::ZSTD_isError) is_error = nullptr;
  decltype(&::ZSTD_getErrorName) error_name = nullptr;
};

class ZstdSource : public Decompressor {
 public:
  explicit ZstdSource(std::unique_ptr<PlainSource> plain) : Decompressor(std::move(plain), "zstd") {
    void* library = open_library("libzstd.so.1", problem_);
    if (!library || !take(library, "ZSTD_createDCtx", zstd_.create, problem_) ||
        !take(library, "ZSTD_DCtx_setParameter", zstd_.set_parameter, problem_) ||
        !take(library, "ZSTD_decompressStream", zstd_.decompress, problem_) ||
        !take(library, "ZSTD_freeDCtx", zstd_.free, problem_) ||
        !take(library, "ZSTD_isError", zstd_.is_error, problem_) ||
        !take(library, "ZSTD_getErrorName", zstd_.error_name, problem_))
      return;
    context_ = zstd_.create();
    if (!context_) {
      problem_ = "cannot start libzstd";
      return;
    }
    zstd_.set_parameter(context_, ZSTD_d_windowLogMax, kZstdWindowLogMax);
  }
  ~ZstdSource() override {
    if (context_) zstd_.free(context_);
  }

 private:
  bool decode(char* buffer, std::size_t size, std::size_t& produced) override {
    ZSTD_inBuffer input{in_.data() + in_begin_, in_end_ - in_begin_, 0};
    ZSTD_outBuffer output{buffer, size, 0};
    if (input.size == 0 && frame_ended_) return true;
    std::size_t result = zstd_.decompress(context_, &output, &input);
    in_begin_ += input.pos;
    produced = output.pos;
    if (zstd_.is_error(result)) {
      fail(zstd_.error_name(result));
      return false;
    }
    frame_ended_ = result == 0;
    return true;
  }
  bool complete() const override { return frame_ended_; }

  Zstd zstd_;
  ZSTD_DCtx* context_ = nullptr;
  bool frame_ended_ = true;  // nothing begun yet
};

}  // namespace

std::unique_ptr<ByteSource> decompressed(ByteSource& raw) {
  auto plain = std::make_unique<PlainSource>(raw);
  if (plain->peeked().starts_with(kGzipMagic))
    return std::make_unique<GzipSource>(std::move(plain));
  if (plain->peeked().starts_with(kZstdMagic))
    return std::make_unique<ZstdSource>(std::move(plain));
  return plain;
}

}  // namespace dhcode
