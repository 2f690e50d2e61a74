// Where the bytes of one input come from: a file, stdin, a pipe, and later a
// decompressor wrapped around one of them. The line reader reads any of them.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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

// A source whose first bytes were read to see what it holds (input_format.hpp);
// they are handed out again, then the rest.
class PeekedSource : public ByteSource {
 public:
  // Reads once, then on while more_wanted(what arrived so far) says the
  // start could still be read two ways (a pipe delivers in pieces).
  PeekedSource(ByteSource& source, bool (*more_wanted)(std::string_view start));
  PeekedSource(std::unique_ptr<ByteSource> source, bool (*more_wanted)(std::string_view start));
  std::string_view start() const { return {bytes_.get(), size_}; }
  std::size_t read(char* buffer, std::size_t size) override;
  int error() const override { return source_.error(); }
  std::string problem() const override { return source_.problem(); }

 private:
  std::unique_ptr<ByteSource> owned_;
  ByteSource& source_;
  std::unique_ptr<char[]> bytes_;  // not cleared when made: size_ says what is there
  std::size_t size_ = 0;
  std::size_t given_ = 0;
};

}  // namespace dhcode
