#include "signature_diagnosis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <optional>
#include <vector>

#include "digest.hpp"
#include "words.hpp"

namespace dhcode {
namespace {

constexpr std::string_view kRightOrder = "AppId + SignatureNonce + ServerSecret + Timestamp";

std::string lower(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Tries candidates against the Signature sent (in any case).
class Matcher {
 public:
  Matcher(std::string_view sent, std::string& problem) : sent_(lower(sent)), problem_(problem) {}
  bool matches(Digest digest, const std::vector<std::string_view>& parts) {
    std::optional<std::string> hex = hex_digest(digest, parts, problem_);
    return hex && *hex == sent_;
  }
  bool failed() const { return !problem_.empty(); }

 private:
  std::string sent_;
  std::string& problem_;
};

std::optional<std::string> other_order(const SignedParts& parts, std::string_view secret,
                                       Matcher& matcher, Language l) {
  constexpr std::array<std::string_view, 4> kNames{"AppId", "SignatureNonce", "ServerSecret",
                                                   "Timestamp"};
  std::array<std::string_view, 4> values{parts.app_id, parts.nonce, secret, parts.timestamp};
  std::array<int, 4> order{0, 1, 2, 3};
  while (std::next_permutation(order.begin(), order.end())) {
    if (!matcher.matches(Digest::md5,
                         {values[order[0]], values[order[1]], values[order[2]], values[order[3]]}))
      continue;
    return say(l, "the parts were joined as {} + {} + {} + {}; the order is {}",
               "签名时各部分按 {} + {} + {} + {} 的顺序拼接；正确顺序是 {}", kNames[order[0]],
               kNames[order[1]], kNames[order[2]], kNames[order[3]], kRightOrder);
  }
  return std::nullopt;
}

std::optional<std::string> secret_with_blanks(const SignedParts& parts, std::string_view secret,
                                              Matcher& matcher, Language l) {
  for (std::string_view before : {"", " "}) {
    for (std::string_view after : {"\n", "\r\n", " ", "  ", "\t", ""}) {
      if (before.empty() && after.empty()) continue;
      if (!matcher.matches(Digest::md5,
                           {parts.app_id, parts.nonce, before, secret, after, parts.timestamp}))
        continue;
      bool line_end = after == "\n" || after == "\r\n";
      if (l == Language::zh)
        return fmt::format(
            "签名所用的 ServerSecret 带有{}（用 echo 写入的文件或带空白的复制会如此）；"
            "签名时请去掉",
            line_end ? "末尾的换行符" : "前后的空白");
      return fmt::format(
          "the ServerSecret was signed with {} (as a file written with echo, or "
          "copied with blanks, holds); sign it without",
          line_end ? "a line end after it" : "blanks around it");
    }
  }
  return std::nullopt;
}

std::optional<std::string> other_timestamp(const SignedParts& parts, std::string_view secret,
                                           Matcher& matcher, Language l) {
  std::int64_t sent = 0;
  auto [end, error] = std::from_chars(parts.timestamp.data(),
                                      parts.timestamp.data() + parts.timestamp.size(), sent);
  if (error != std::errc() || sent < 0 || sent > 1'000'000'000'000) return std::nullopt;
  for (std::int64_t milli = 0; milli < 1000; ++milli) {
    std::string millis = std::to_string(sent * 1000 + milli);
    if (matcher.matches(Digest::md5, {parts.app_id, parts.nonce, secret, millis}))
      return say(l, "the Timestamp signed was in milliseconds ({}); sign the seconds sent",
                 "签名所用的 Timestamp 以毫秒为单位（{}）；请对所发送的秒数签名", millis);
  }
  for (std::int64_t step = 1; step <= kClockWindowSeconds; ++step) {
    for (std::int64_t signed_at : {sent - step, sent + step}) {
      if (!matcher.matches(Digest::md5,
                           {parts.app_id, parts.nonce, secret, std::to_string(signed_at)}))
        continue;
      if (l == Language::zh)
        return fmt::format(
            "签名所用的 Timestamp 是 {}（比发送的{} {} 秒）；请对所发送的 Timestamp 签名",
            signed_at, signed_at < sent ? "早" : "晚", step);
      return fmt::format(
          "the Timestamp signed was {} ({} s {} the one sent); sign the "
          "Timestamp you send",
          signed_at, step, signed_at < sent ? "before" : "after");
    }
  }
  return std::nullopt;
}

std::optional<std::string> other_digest(const SignedParts& parts, std::string_view secret,
                                        Matcher& matcher, Language l) {
  for (Digest digest : {Digest::sha1, Digest::sha256}) {
    if (matcher.matches(digest, {parts.app_id, parts.nonce, secret, parts.timestamp}))
      return say(l, "the Signature is {} of the right parts; it must be MD5",
                 "Signature 是正确各部分的 {} 摘要；必须是 MD5", name_of(digest));
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> diagnose_signature(const SignedParts& parts, std::string_view secret,
                                              std::string_view sent, std::string& problem,
                                              Language l) {
  // The secret pasted where the Signature goes: sent in the clear.
  if (sent == secret)
    return say(
        l,
        "the Signature sent is the ServerSecret itself, which must be kept secret: treat "
        "it as leaked; the Signature is the MD5 of {}",
        "发送的 Signature 就是 ServerSecret 本身，而 ServerSecret 必须严格保密：请视为已泄漏；"
        "Signature 是 {} 的 MD5 摘要",
        kRightOrder);
  Matcher matcher(sent, problem);
  if (matcher.matches(Digest::md5, {parts.app_id, parts.nonce, secret, parts.timestamp}))
    return say(l, "the Signature is the right one in upper-case hex; it must be lower-case",
               "Signature 本身正确，但为大写十六进制；必须为小写");
  using Candidate =
      std::optional<std::string> (*)(const SignedParts&, std::string_view, Matcher&, Language);
  for (Candidate candidate : {other_order, secret_with_blanks, other_timestamp, other_digest}) {
    if (matcher.failed()) break;
    if (std::optional<std::string> why = candidate(parts, secret, matcher, l)) return *why;
  }
  return std::nullopt;
}

std::string unexplained_signature(Language l) {
  return say(l,
             "the Signature does not match, and no common mistake (another order of the parts, "
             "upper-case hex, blanks or a line end around the secret, a millisecond or nearby "
             "Timestamp, SHA-1 or SHA-256) reproduces it: the ServerSecret or the AppId is likely "
             "wrong. (Whether a SignatureNonce other than the one sent was signed cannot be "
             "known.)",
             "Signature 不匹配，且常见错误（各部分顺序不对、大写十六进制、密钥前后的空白或换行、"
             "毫秒或相近的 Timestamp、SHA-1 或 SHA-256）都无法重现它：ServerSecret 或 AppId "
             "很可能有误。（是否对一个与所发送的不同的 SignatureNonce 签了名，无法得知。）");
}

}  // namespace dhcode
