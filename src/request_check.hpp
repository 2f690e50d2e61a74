// What is wrong with a signed request, offline: each problem with the
// return code it causes, in the order the gateway checks them, so the first
// is the code the request would most likely get.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "language.hpp"
#include "registry.hpp"
#include "request.hpp"

namespace dhcode {

struct Finding {
  Code code;
  std::string why;  // in the user's terms, never quoting the secret
};

struct RequestCheck {
  std::vector<Finding> findings;
  // Whether the Signature was recomputed with the secret; when it was not,
  // why (no secret, or the parts to sign are missing).
  bool signature_checked = false;
  std::string signature_note;
};

struct CheckClock {
  std::int64_t now = 0;
  bool given = false;  // --now: a logged request, checked against the time it was sent
};

// secret may be empty (none given): every check but the signature's.
// problem is set when the digest library cannot be loaded.
// The findings' words are in the given language.
RequestCheck check_request(const std::vector<QueryParameter>& query, CheckClock clock,
                           std::optional<std::string_view> secret, std::string& problem,
                           Language language = Language::en);

// text with every occurrence of the secret (when not empty) replaced by
// "(not shown: the ServerSecret)": for any text that quotes the input.
std::string without_secret(std::string text, std::string_view secret);

// "14 min 3 s" ("14 分 3 秒"): a number of seconds in words.
std::string duration_in_words(std::uint64_t seconds, Language language = Language::en);

}  // namespace dhcode
