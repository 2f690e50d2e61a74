#include "output.hpp"

#include <cerrno>
#include <cstdio>

namespace dhcode {

void Output::write(std::string_view text) {
  if (error_ != 0) return;
  if (std::fwrite(text.data(), 1, text.size(), to_) != text.size() || std::fflush(to_) != 0)
    error_ = errno != 0 ? errno : EIO;
}

void report(std::string_view message) {
  std::fprintf(stderr, "dhcode: %.*s\n", static_cast<int>(message.size()), message.data());
}

}  // namespace dhcode
