// The signature of a request, as ZEGOCLOUD's server APIs define it
// (signing-the-request): md5(AppId + SignatureNonce + ServerSecret +
// Timestamp) as 32 lower-case hex characters, SignatureVersion 2.0, a
// 16-hex-character nonce from 8 random bytes, a Timestamp in Unix seconds
// within 10 minutes of the server's clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dhcode {

inline constexpr std::string_view kSignatureVersion = "2.0";
inline constexpr std::int64_t kClockWindowSeconds = 10 * 60;

// What is signed besides the secret, as the request sends it.
struct SignedParts {
  std::string app_id;
  std::string nonce;
  std::string timestamp;
};

// The signature, or empty after setting problem (the digest library).
std::optional<std::string> sign(const SignedParts& parts, std::string_view secret,
                                std::string& problem);

// 16 lower-case hex characters from 8 bytes of the operating system's random
// source (getrandom); empty after setting problem.
std::optional<std::string> new_nonce(std::string& problem);

// An AppId is a Uint32 in decimal; a Timestamp an Int64 of seconds.
std::optional<std::uint32_t> read_app_id(std::string_view text);
std::optional<std::int64_t> read_timestamp(std::string_view text);

}  // namespace dhcode
