#include "byte_source.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace dhcode {

std::size_t FdSource::read(char* buffer, std::size_t size) {
  for (;;) {
    ssize_t got = ::read(fd_, buffer, size);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno == EINTR) continue;
    error_ = errno;
    return 0;
  }
}

namespace {
constexpr std::size_t kPeekBytes = 64 * 1024;
}

PeekedSource::PeekedSource(ByteSource& source, bool (*more_wanted)(std::string_view start))
    : source_(source), bytes_(new char[kPeekBytes]) {
  do {
    std::size_t got = source_.read(bytes_.get() + size_, kPeekBytes - size_);
    if (got == 0) break;
    size_ += got;
  } while (size_ < kPeekBytes && more_wanted(start()));
}

PeekedSource::PeekedSource(std::unique_ptr<ByteSource> source,
                           bool (*more_wanted)(std::string_view start))
    : PeekedSource(*source, more_wanted) {
  owned_ = std::move(source);
}

std::size_t PeekedSource::read(char* buffer, std::size_t size) {
  if (given_ < size_) {
    std::size_t n = std::min(size, size_ - given_);
    std::memcpy(buffer, bytes_.get() + given_, n);
    given_ += n;
    return n;
  }
  return source_.read(buffer, size);
}

}  // namespace dhcode
