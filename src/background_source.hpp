// Decompressing on a second thread: while the reader parses one chunk of
// text, the next is being inflated, so a compressed log costs little more
// than the same lines uncompressed on a machine with two cores.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "byte_source.hpp"

namespace dhcode {

// Reads inner on a thread of its own, a few chunks ahead of the reader (the
// memory is bounded: kChunksAhead chunks of kChunkBytes). Bytes come out in
// order and as soon as they are decoded (a followed log is not held back);
// error() and problem() are inner's once everything was read. The thread
// starts with the source and is joined when it is destroyed.
class BackgroundSource : public ByteSource {
 public:
  explicit BackgroundSource(std::unique_ptr<ByteSource> inner);
  ~BackgroundSource() override;
  BackgroundSource(const BackgroundSource&) = delete;
  BackgroundSource& operator=(const BackgroundSource&) = delete;

  std::size_t read(char* buffer, std::size_t size) override;
  int error() const override;
  std::string problem() const override;

  static constexpr std::size_t kChunkBytes = 256 * 1024;
  static constexpr std::size_t kChunksAhead = 4;

 private:
  // Bytes decoded, not zero-filled first (256 KiB of memset a chunk
  // otherwise); kept for reuse once read, so that chunks are not allocated
  // and returned to the system (page faults) over and over.
  struct Chunk {
    std::unique_ptr<char[]> bytes;
    std::size_t size = 0;
  };

  void produce();     // the thread's work
  Chunk new_chunk();  // a spare one, or a new one

  std::unique_ptr<ByteSource> inner_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Chunk> ready_;   // decoded, not read yet
  std::vector<Chunk> spare_;  // read, to be filled again
  bool ended_ = false;        // inner has no more
  bool stopping_ = false;     // the reader is gone
  int error_ = 0;
  std::string problem_;
  Chunk reading_;  // the chunk being read (the reader's alone)
  std::size_t reading_at_ = 0;
  std::thread thread_;  // last: started once the rest is ready
};

}  // namespace dhcode
