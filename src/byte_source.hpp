// Where the bytes of one input come from: a file, stdin, a pipe, and later a
// decompressor wrapped around one of them. The line reader reads any of them.
#pragma once

#include <cstddef>
#include <string>

namespace dhcode {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to size bytes into buffer: how many arrived, 0 at the input's
  // end or on a failure (then error() says which).
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
  virtual int error() const = 0;  // an errno value, or 0
  // What is wrong with the data when it cannot be decoded ("the gzip data is
  // truncated"), or empty. Everything before it has been handed out.
  virtual std::string problem() const { return {}; }
};

// An open file descriptor, read as the data arrives; the caller closes it.
class FdSource : public ByteSource {
 public:
  explicit FdSource(int fd) : fd_(fd) {}
  std::size_t read(char* buffer, std::size_t size) override;
  int error() const override { return error_; }

 private:
  int fd_;
  int error_ = 0;
};

}  // namespace dhcode
