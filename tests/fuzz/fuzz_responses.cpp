// Fuzzes the whole reading of input: lines, records, responses, and their
// rendering as text and JSON, on whatever bytes a pipe might bring.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>

#include "explanation.hpp"
#include "input.hpp"
#include "render.hpp"
#include "render_task.hpp"

namespace {

class Renderer : public dhcode::ResponseHandler {
 public:
  void response(const dhcode::Response& response, const dhcode::Origin& origin) override {
    dhcode::ResponseContext context{response, origin};
    dhcode::Explanation explanation = dhcode::explain(response.code);
    size_ += dhcode::render_text(explanation, true, &context, true).size();
    size_ += dhcode::json_line(dhcode::render_json(explanation, &context, true)).size();
  }
  void callback(const dhcode::TaskReport& callback, const dhcode::Origin& origin) override {
    size_ += dhcode::render_callback_text(callback, origin, true, dhcode::Language::en).size();
    size_ += dhcode::json_line(dhcode::render_callback_json(callback, origin, dhcode::Language::zh))
                 .size();
  }
  void bad_record(const dhcode::Origin&, std::string_view why) override { size_ += why.size(); }
  void passed_over(const dhcode::Origin&) override { ++size_; }
  std::size_t size_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The reader reads a file descriptor, as it reads stdin and files.
  int fd = memfd_create("input", 0);
  if (fd < 0) return 0;
  for (std::size_t written = 0; written < size;) {
    ssize_t n = write(fd, data + written, size - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  lseek(fd, 0, SEEK_SET);
  Renderer renderer;
  dhcode::FdSource source(fd);
  dhcode::read_responses_from(source, "fuzz", renderer);
  close(fd);
  return 0;
}
