// Why a request's Signature is not the one its secret gives: the common
// mistakes of signing code, each tried until one reproduces the Signature
// that was sent.
#pragma once

#include <string>
#include <string_view>

#include "language.hpp"
#include "signature.hpp"

namespace dhcode {

// One sentence for the user (never quoting the secret). problem is set when
// the digest library cannot be loaded.
std::string diagnose_signature(const SignedParts& parts, std::string_view secret,
                               std::string_view sent, std::string& problem,
                               Language language = Language::en);

}  // namespace dhcode
