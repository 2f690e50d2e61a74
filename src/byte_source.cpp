#include "byte_source.hpp"

#include <unistd.h>

#include <cerrno>

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

}  // namespace dhcode
