#include "background_source.hpp"

#include <algorithm>
#include <cstring>

namespace dhcode {

BackgroundSource::BackgroundSource(std::unique_ptr<ByteSource> inner)
    : inner_(std::move(inner)), thread_([this] { produce(); }) {}

BackgroundSource::~BackgroundSource() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

BackgroundSource::Chunk BackgroundSource::new_chunk() {
  std::lock_guard lock(mutex_);
  if (spare_.empty()) return {std::make_unique_for_overwrite<char[]>(kChunkBytes), 0};
  Chunk chunk = std::move(spare_.back());
  spare_.pop_back();
  return chunk;
}

void BackgroundSource::produce() {
  for (;;) {
    Chunk chunk = new_chunk();
    std::size_t got = inner_->read(chunk.bytes.get(), kChunkBytes);
    std::unique_lock lock(mutex_);
    if (got == 0) {
      ended_ = true;
      error_ = inner_->error();
      problem_ = inner_->problem();
      changed_.notify_all();
      return;
    }
    chunk.size = got;
    changed_.wait(lock, [this] { return ready_.size() < kChunksAhead || stopping_; });
    if (stopping_) return;
    ready_.push_back(std::move(chunk));
    changed_.notify_all();
  }
}

std::size_t BackgroundSource::read(char* buffer, std::size_t size) {
  if (reading_at_ == reading_.size) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !ready_.empty() || ended_; });
    if (ready_.empty()) return 0;
    if (reading_.bytes) spare_.push_back(std::move(reading_));
    reading_ = std::move(ready_.front());
    ready_.pop_front();
    reading_at_ = 0;
    changed_.notify_all();
  }
  std::size_t n = std::min(size, reading_.size - reading_at_);
  std::memcpy(buffer, reading_.bytes.get() + reading_at_, n);
  reading_at_ += n;
  return n;
}

int BackgroundSource::error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

std::string BackgroundSource::problem() const {
  std::lock_guard lock(mutex_);
  return problem_;
}

}  // namespace dhcode
