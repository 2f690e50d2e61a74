// Fuzzes loading a team registry overlay: a broken one must be refused
// whole, a good one loaded, and neither may crash or leak.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "overlay.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  int fd = memfd_create("overlay", 0);
  if (fd < 0) return 0;
  if (size > 0 && write(fd, data, size) != static_cast<ssize_t>(size)) {
    close(fd);
    return 0;
  }
  dhcode::Registry registry;
  auto error = dhcode::load_overlay("/proc/self/fd/" + std::to_string(fd), registry);
  // All or nothing: a refused overlay leaves the registry built-in.
  if (error && registry.entries().data() != dhcode::builtin_entries().data()) __builtin_trap();
  if (error) (void)error->message();
  close(fd);
  return 0;
}
