#include "signature.hpp"

#include <fmt/format.h>
#include <sys/random.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include "digest.hpp"

namespace dhcode {

std::optional<std::string> sign(const SignedParts& parts, std::string_view secret,
                                std::string& problem) {
  return hex_digest(Digest::md5, {parts.app_id, parts.nonce, secret, parts.timestamp}, problem);
}

std::optional<std::string> new_nonce(std::string& problem) {
  unsigned char bytes[8];
  if (getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes)) {
    problem = fmt::format("cannot read the random source: {}", std::strerror(errno));
    return std::nullopt;
  }
  return fmt::format("{:02x}", fmt::join(bytes, bytes + sizeof bytes, ""));
}

namespace {

template <typename Number>
std::optional<Number> whole_number(std::string_view text) {
  Number value{};
  if (text.empty() || text.front() == '+') return std::nullopt;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<std::uint32_t> read_app_id(std::string_view text) {
  return whole_number<std::uint32_t>(text);
}

std::optional<std::int64_t> read_timestamp(std::string_view text) {
  return whole_number<std::int64_t>(text);
}

}  // namespace dhcode
