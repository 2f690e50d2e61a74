#include "transcode.hpp"

#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <vector>

namespace dhcode {
namespace {

constexpr std::size_t kBufferBytes = 64 * 1024;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// iconv (glibc's, so no library to load) between a buffer of encoded text
// and the caller's buffer.
class Transcoder : public ByteSource {
 public:
  Transcoder(std::unique_ptr<ByteSource> text, const char* encoding)
      : text_(std::move(text)), in_(kBufferBytes) {
    converter_ = iconv_open("UTF-8", encoding);
    if (converter_ == reinterpret_cast<iconv_t>(-1))
      problem_ = fmt::format("cannot read {} text: {}", encoding, std::strerror(errno));
    // One code unit: what is skipped when a sequence is not valid.
    unit_ = std::string_view(encoding).starts_with("UTF-32") ? 4 : 2;
  }
  ~Transcoder() override {
    if (converter_ != reinterpret_cast<iconv_t>(-1)) iconv_close(converter_);
  }
  int error() const override { return text_->error(); }
  std::string problem() const override { return problem_.empty() ? text_->problem() : problem_; }

  std::size_t read(char* buffer, std::size_t size) override {
    if (!problem_.empty() || size < kReplacement.size()) return 0;
    for (;;) {
      if (begin_ == end_ || incomplete_) {
        if (!refill()) return 0;
      }
      char* in = in_.data() + begin_;
      std::size_t in_left = end_ - begin_;
      char* out = buffer;
      std::size_t out_left = size;
      std::size_t result = iconv(converter_, &in, &in_left, &out, &out_left);
      int why = result == static_cast<std::size_t>(-1) ? errno : 0;
      begin_ = end_ - in_left;
      std::size_t produced = size - out_left;
      incomplete_ = why == EINVAL;  // a sequence goes on in the next read
      if (why == EILSEQ && out_left >= kReplacement.size()) {
        std::memcpy(out, kReplacement.data(), kReplacement.size());
        produced += kReplacement.size();
        begin_ = std::min(end_, begin_ + unit_);
      }
      if (produced > 0) return produced;
      if (incomplete_ && at_end_) {
        begin_ = end_;  // a cut-off last character
        return write_replacement(buffer);
      }
    }
  }

 private:
  // Moves what is left to the front and reads more; false at the end.
  bool refill() {
    if (at_end_) return false;
    std::memmove(in_.data(), in_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
    std::size_t got = text_->read(in_.data() + end_, in_.size() - end_);
    if (got == 0) {
      at_end_ = true;
      return end_ > 0;
    }
    end_ += got;
    incomplete_ = false;
    return true;
  }
  std::size_t write_replacement(char* buffer) {
    std::memcpy(buffer, kReplacement.data(), kReplacement.size());
    return kReplacement.size();
  }

  std::unique_ptr<ByteSource> text_;
  iconv_t converter_ = reinterpret_cast<iconv_t>(-1);
  std::size_t unit_ = 2;
  std::vector<char> in_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool at_end_ = false;
  bool incomplete_ = false;
  std::string problem_;
};

}  // namespace

std::unique_ptr<ByteSource> utf8_from(std::unique_ptr<ByteSource> text, const char* encoding) {
  return std::make_unique<Transcoder>(std::move(text), encoding);
}
std::unique_ptr<ByteSource> from_utf16le(std::unique_ptr<ByteSource> text) {
  return utf8_from(std::move(text), "UTF-16LE");
}
std::unique_ptr<ByteSource> from_utf16be(std::unique_ptr<ByteSource> text) {
  return utf8_from(std::move(text), "UTF-16BE");
}
std::unique_ptr<ByteSource> from_utf32le(std::unique_ptr<ByteSource> text) {
  return utf8_from(std::move(text), "UTF-32LE");
}
std::unique_ptr<ByteSource> from_utf32be(std::unique_ptr<ByteSource> text) {
  return utf8_from(std::move(text), "UTF-32BE");
}

}  // namespace dhcode
