#include "request_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>

#include "digest.hpp"
#include "safe_text.hpp"
#include "signature.hpp"
#include "signature_diagnosis.hpp"

namespace dhcode {
namespace {

constexpr std::size_t kShown = 40;  // of a value sent: enough to recognise

std::string shown(std::string_view value) {
  return visible(value.substr(0, kShown)) + (value.size() > kShown ? "..." : "");
}

bool hex_of_size(std::string_view text, std::size_t size, bool upper) {
  return text.size() == size && std::ranges::all_of(text, [upper](char c) {
           return (c >= '0' && c <= '9') || (upper ? c >= 'A' && c <= 'F' : c >= 'a' && c <= 'f');
         });
}

// The common parameters one by one, in the order the gateway answers for.
void check_parameters(const std::vector<QueryParameter>& query, std::vector<Finding>& out) {
  auto value = [&](std::string_view name) { return parameter(query, name); };
  auto action = value("Action");
  if (!action || action->empty()) out.push_back({100000006, "Action is missing or empty"});
  auto app_id = value("AppId");
  if (!app_id)
    out.push_back({100000001, "AppId is missing"});
  else if (!read_app_id(*app_id))
    out.push_back({100000001, fmt::format("AppId \"{}\" is not a Uint32 (a whole number from 0 "
                                          "to 4294967295)",
                                          shown(*app_id))});
  auto timestamp = value("Timestamp");
  if (!timestamp || timestamp->empty())
    out.push_back({100000002, "Timestamp is missing or empty"});
  else if (!read_timestamp(*timestamp))
    out.push_back({100000003, fmt::format("Timestamp \"{}\" is not a whole number of Unix seconds",
                                          shown(*timestamp))});
  else if (timestamp->size() == 13)
    out.push_back({100000003, fmt::format("Timestamp {} has 13 digits: it is in milliseconds; "
                                          "the API wants Unix seconds ({})",
                                          *timestamp, timestamp->substr(0, 10))});
  auto nonce = value("SignatureNonce");
  if (!nonce || nonce->empty()) out.push_back({100000008, "SignatureNonce is missing or empty"});
  auto signature = value("Signature");
  if (!signature || signature->empty()) out.push_back({100000009, "Signature is missing or empty"});
  auto version = value("SignatureVersion");
  if (!version || version->empty())
    out.push_back({100000013, "SignatureVersion is missing or empty"});
  else if (*version != kSignatureVersion)
    out.push_back({100000014, fmt::format("SignatureVersion is \"{}\"; it must be \"{}\"",
                                          shown(*version), kSignatureVersion)});
}

void check_clock(std::string_view timestamp_text, CheckClock clock, std::vector<Finding>& out) {
  auto timestamp = read_timestamp(timestamp_text);
  if (!timestamp || timestamp_text.size() == 13) return;  // reported already
  std::int64_t skew = *timestamp - clock.now;
  std::uint64_t distance =
      skew < 0 ? 0ULL - static_cast<std::uint64_t>(skew) : static_cast<std::uint64_t>(skew);
  if (distance <= static_cast<std::uint64_t>(kClockWindowSeconds)) return;
  out.push_back(
      {100000004, fmt::format("Timestamp {} is {} {} {}; the window is 10 minutes", *timestamp,
                              duration_in_words(distance), skew < 0 ? "behind" : "ahead of",
                              clock.given ? "the time given with --now" : "this machine's clock")});
}

}  // namespace

std::string duration_in_words(std::uint64_t seconds) {
  constexpr std::array<std::pair<std::uint64_t, std::string_view>, 4> kUnits{
      {{86400, "d"}, {3600, "h"}, {60, "min"}, {1, "s"}}};
  std::vector<std::string> parts;
  for (auto [size, name] : kUnits) {
    if (seconds >= size || (size == 1 && parts.empty())) {
      parts.push_back(fmt::format("{} {}", seconds / size, name));
      seconds %= size;
    }
  }
  return fmt::format("{}", fmt::join(parts, " "));
}

RequestCheck check_request(const std::vector<QueryParameter>& query, CheckClock clock,
                           std::optional<std::string_view> secret, std::string& problem) {
  RequestCheck check;
  check_parameters(query, check.findings);
  auto timestamp = parameter(query, "Timestamp");
  if (timestamp) check_clock(*timestamp, clock, check.findings);

  auto sent = parameter(query, "Signature");
  auto app_id = parameter(query, "AppId");
  auto nonce = parameter(query, "SignatureNonce");
  // A Signature of the wrong shape fails whatever the secret (40 and 64 hex
  // characters are SHA-1 and SHA-256, named below when the secret is given).
  if (sent && !sent->empty() && !hex_of_size(*sent, 32, false) && !hex_of_size(*sent, 32, true) &&
      !hex_of_size(*sent, 40, false) && !hex_of_size(*sent, 64, false))
    check.findings.push_back({100000005, fmt::format("Signature \"{}\" is not 32 lower-case hex "
                                                     "characters (an MD5 digest)",
                                                     shown(*sent))});
  if (!sent || sent->empty() || !app_id || !nonce || !timestamp) {
    check.signature_note = "not checked: the request lacks what is signed";
    return check;
  }
  if (!secret) {
    check.signature_note = fmt::format(
        "not checked against the secret (none given: set {} or give --secret-file FILE)",
        "DHCODE_SERVER_SECRET");
    if (hex_of_size(*sent, 32, true) && !hex_of_size(*sent, 32, false))
      check.findings.push_back(
          {100000005, "Signature is in upper-case hex; it must be lower-case"});
    if (hex_of_size(*sent, 40, false) || hex_of_size(*sent, 64, false))
      check.findings.push_back(
          {100000005, fmt::format("Signature has {} hex characters, the size of a {} digest; it "
                                  "must be MD5 (32)",
                                  sent->size(), sent->size() == 40 ? "SHA-1" : "SHA-256")});
    return check;
  }
  SignedParts parts{*app_id, *nonce, *timestamp};
  std::optional<std::string> expected = sign(parts, *secret, problem);
  if (!expected) return check;
  check.signature_checked = true;
  if (*expected == *sent) return check;
  std::string why = diagnose_signature(parts, *secret, *sent, problem);
  std::erase_if(check.findings, [](const Finding& f) { return f.code == 100000005; });
  check.findings.push_back({100000005, why});
  return check;
}

}  // namespace dhcode
