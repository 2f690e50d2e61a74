// The signature of a callback, as the Digital Human service signs it
// (callback-signature-verification): sha1 of the CallbackSecret, the
// Timestamp and the Nonce, sorted in dictionary order and concatenated, as
// 40 lower-case hex characters. And why one does not match: the common
// mistakes, each tried until one reproduces the Signature.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "language.hpp"

namespace dhcode {

// What a callback carries for its signature, as sent.
struct CallbackSignature {
  std::string timestamp;
  std::string nonce;
  std::string signature;
};

struct CallbackVerdict {
  bool matches = false;
  // When it does not: the mistake that reproduces the Signature, or why
  // none does; never quotes a secret.
  std::string why;
};

// Checks the Signature with the CallbackSecret; server_secret, when given,
// is tried as the secret too (a common mix-up). Empty after setting
// problem when the digest library cannot be loaded.
std::optional<CallbackVerdict> verify_callback(const CallbackSignature& sent,
                                               std::string_view secret,
                                               std::optional<std::string_view> server_secret,
                                               std::string& problem,
                                               Language language = Language::en);

// The signature the service would send: for tests and for the docs' vector.
std::optional<std::string> callback_signature(std::string_view timestamp, std::string_view nonce,
                                              std::string_view secret, std::string& problem);

}  // namespace dhcode
