// Why a request's Signature is not the one its secret gives: the common
// mistakes of signing code, each tried until one reproduces the Signature
// that was sent.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "language.hpp"
#include "signature.hpp"

namespace dhcode {

// The mistake that reproduces the Signature sent, in one sentence for the
// user (never quoting the secret), or null when none does. problem is set
// when the digest library cannot be loaded.
std::optional<std::string> diagnose_signature(const SignedParts& parts, std::string_view secret,
                                              std::string_view sent, std::string& problem,
                                              Language language = Language::en);

// What is said when no common mistake reproduces it.
std::string unexplained_signature(Language language = Language::en);

}  // namespace dhcode
