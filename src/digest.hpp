// Message digests for signatures: MD5 (the API's), and SHA-1 and SHA-256
// (what a signer may have used by mistake, for `dhcode verify`), from GNU
// Nettle, loaded only when a command signs or verifies.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dhcode {

enum class Digest { md5, sha1, sha256 };

std::string_view name_of(Digest digest);

// The digest of the parts, one after another, as lower-case hex. The parts
// are fed in turn, never joined into one copy (a part may be a secret).
// Empty after setting problem when Nettle cannot be loaded.
std::optional<std::string> hex_digest(Digest digest, const std::vector<std::string_view>& parts,
                                      std::string& problem);

}  // namespace dhcode
