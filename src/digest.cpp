#include "digest.hpp"

#include <fmt/format.h>
#include <nettle/md5.h>
#include <nettle/sha1.h>
#include <nettle/sha2.h>
#include <strings.h>

#include <cstdint>

#include "shared_library.hpp"

namespace dhcode {
namespace {

// One algorithm's functions, all of the same shape in Nettle.
template <typename Context>
struct Algorithm {
  void (*init)(Context*) = nullptr;
  void (*update)(Context*, std::size_t, const std::uint8_t*) = nullptr;
  void (*digest)(Context*, std::size_t, std::uint8_t*) = nullptr;
  std::size_t size = 0;
};

struct Nettle {
  Algorithm<md5_ctx> md5{.size = MD5_DIGEST_SIZE};
  Algorithm<sha1_ctx> sha1{.size = SHA1_DIGEST_SIZE};
  Algorithm<sha256_ctx> sha256{.size = SHA256_DIGEST_SIZE};
  std::string problem;  // why it cannot be used, or empty
};

const Nettle& nettle() {
  static const Nettle loaded = [] {
    Nettle n;
    void* library = open_library("libnettle.so.8", n.problem);
    if (!library) return n;
    // The names behind Nettle's macros (md5_init is nettle_md5_init).
    take(library, "nettle_md5_init", n.md5.init, n.problem);
    take(library, "nettle_md5_update", n.md5.update, n.problem);
    take(library, "nettle_md5_digest", n.md5.digest, n.problem);
    take(library, "nettle_sha1_init", n.sha1.init, n.problem);
    take(library, "nettle_sha1_update", n.sha1.update, n.problem);
    take(library, "nettle_sha1_digest", n.sha1.digest, n.problem);
    take(library, "nettle_sha256_init", n.sha256.init, n.problem);
    take(library, "nettle_sha256_update", n.sha256.update, n.problem);
    take(library, "nettle_sha256_digest", n.sha256.digest, n.problem);
    return n;
  }();
  return loaded;
}

template <typename Context>
std::string run(const Algorithm<Context>& algorithm, const std::vector<std::string_view>& parts) {
  Context context;
  algorithm.init(&context);
  for (std::string_view part : parts)
    algorithm.update(&context, part.size(), reinterpret_cast<const std::uint8_t*>(part.data()));
  std::uint8_t bytes[SHA256_DIGEST_SIZE];
  algorithm.digest(&context, algorithm.size, bytes);
  explicit_bzero(&context, sizeof context);  // it held the secret's bytes
  return fmt::format("{:02x}", fmt::join(bytes, bytes + algorithm.size, ""));
}

}  // namespace

std::string_view name_of(Digest digest) {
  switch (digest) {
    case Digest::md5:
      return "MD5";
    case Digest::sha1:
      return "SHA-1";
    case Digest::sha256:
      return "SHA-256";
  }
  return "";
}

std::optional<std::string> hex_digest(Digest digest, const std::vector<std::string_view>& parts,
                                      std::string& problem) {
  const Nettle& n = nettle();
  if (!n.problem.empty()) {
    problem = "cannot compute signatures: " + n.problem;
    return std::nullopt;
  }
  switch (digest) {
    case Digest::md5:
      return run(n.md5, parts);
    case Digest::sha1:
      return run(n.sha1, parts);
    case Digest::sha256:
      return run(n.sha256, parts);
  }
  return std::nullopt;
}

}  // namespace dhcode
