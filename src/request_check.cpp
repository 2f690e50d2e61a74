#include "request_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>

#include "digest.hpp"
#include "safe_text.hpp"
#include "secret.hpp"
#include "signature.hpp"
#include "signature_diagnosis.hpp"
#include "words.hpp"

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
void check_parameters(const std::vector<QueryParameter>& query, Language l,
                      std::vector<Finding>& out) {
  auto value = [&](std::string_view name) { return parameter(query, name); };
  auto missing = [&](Code code, std::string_view name) {
    out.push_back({code, say(l, "{} is missing or empty", "{} 缺失或为空", name)});
  };
  auto action = value("Action");
  if (!action || action->empty()) missing(100000006, "Action");
  auto app_id = value("AppId");
  if (!app_id)
    missing(100000001, "AppId");
  else if (!read_app_id(*app_id))
    out.push_back(
        {100000001, say(l, "AppId \"{}\" is not a Uint32 (a whole number from 0 to 4294967295)",
                        "AppId \"{}\" 不是 Uint32（0 到 4294967295 之间的整数）", shown(*app_id))});
  auto timestamp = value("Timestamp");
  if (!timestamp || timestamp->empty())
    missing(100000002, "Timestamp");
  else if (!read_timestamp(*timestamp))
    out.push_back(
        {100000003, say(l, "Timestamp \"{}\" is not a whole number of Unix seconds",
                        "Timestamp \"{}\" 不是以秒为单位的 Unix 时间戳整数", shown(*timestamp))});
  else if (timestamp->size() == 13)
    out.push_back(
        {100000003,
         say(l,
             "Timestamp {} has 13 digits: it is in milliseconds; the API wants Unix seconds ({})",
             "Timestamp {} 有 13 位：单位是毫秒；接口要求以秒为单位的 Unix 时间戳（{}）",
             *timestamp, timestamp->substr(0, 10))});
  auto nonce = value("SignatureNonce");
  if (!nonce || nonce->empty()) missing(100000008, "SignatureNonce");
  auto signature = value("Signature");
  if (!signature || signature->empty()) missing(100000009, "Signature");
  auto version = value("SignatureVersion");
  if (!version || version->empty())
    missing(100000013, "SignatureVersion");
  else if (*version != kSignatureVersion)
    out.push_back({100000014, say(l, "SignatureVersion is \"{}\"; it must be \"{}\"",
                                  "SignatureVersion 为 \"{}\"；必须是 \"{}\"", shown(*version),
                                  kSignatureVersion)});
}

// The code a wrong value of a common parameter leads to: the parts that are
// signed (and the Signature) break the signature.
Code code_for_wrong(std::string_view name) {
  if (name == "Action") return 100000007;
  if (name == "SignatureVersion") return 100000014;
  return 100000005;
}

// How the common parameters were written: twice, with a '%' that encodes
// nothing, with a '+' (read as a space).
void check_writing(const std::vector<QueryParameter>& query, Language l,
                   std::vector<Finding>& out) {
  for (std::string_view name : kCommonParameters) {
    std::vector<std::string_view> values;
    for (const QueryParameter& p : query)
      if (p.name == name) values.push_back(p.value);
    if (values.size() > 1) {
      bool same = std::ranges::all_of(values, [&](std::string_view v) { return v == values[0]; });
      out.push_back(
          {code_for_wrong(name),
           same
               ? say(l, "{} appears {} times, with the same value; send it once",
                     "{} 出现了 {} 次（值相同）；只应发送一次", name, values.size())
               : say(l,
                     "{} appears {} times, with different values; dhcode checked the first "
                     "(\"{}\"), the API may read another",
                     "{} 出现了 {} 次且值不同；dhcode 核对的是第一个（\"{}\"），接口可能读取另一个",
                     name, values.size(), shown(values[0]))});
    }
  }
  for (const QueryParameter& p : query) {
    if (std::ranges::find(kCommonParameters, p.name) == std::end(kCommonParameters)) continue;
    if (p.bad_percent)
      out.push_back(
          {code_for_wrong(p.name),
           say(l,
               "{} holds a '%' not followed by two hex digits (malformed "
               "percent-encoding), read as it is",
               "{} 含有后面不是两个十六进制数字的 '%'（百分号编码有误），按原样读取", p.name)});
    if (p.plus)
      out.push_back(
          {code_for_wrong(p.name),
           say(l,
               "{} holds a '+', read as a space as servers read query strings (a plus "
               "sign is written %2B)",
               "{} 含有 '+'，服务端按查询字符串的惯例读作空格（加号应写作 %2B）", p.name)});
  }
}

// What is wrong with the Signature's form, whatever the secret: upper-case
// hex, the size of another digest, or not hex at all.
std::optional<Finding> signature_form(std::string_view sent, Language l) {
  if (hex_of_size(sent, 32, false)) return std::nullopt;
  if (hex_of_size(sent, 32, true))
    return Finding{100000005, say(l, "Signature is in upper-case hex; it must be lower-case",
                                  "Signature 是大写十六进制；必须为小写")};
  if (hex_of_size(sent, 40, false) || hex_of_size(sent, 64, false))
    return Finding{
        100000005,
        say(l, "Signature has {} hex characters, the size of a {} digest; it must be MD5 (32)",
            "Signature 有 {} 个十六进制字符，与 {} 摘要等长；必须是 MD5（32 个）", sent.size(),
            sent.size() == 40 ? "SHA-1" : "SHA-256")};
  return Finding{100000005,
                 say(l, "Signature \"{}\" is not 32 lower-case hex characters (an MD5 digest)",
                     "Signature \"{}\" 不是 32 个小写十六进制字符（MD5 摘要）", shown(sent))};
}

void check_clock(std::string_view timestamp_text, CheckClock clock, Language l,
                 std::vector<Finding>& out) {
  auto timestamp = read_timestamp(timestamp_text);
  if (!timestamp || timestamp_text.size() == 13) return;  // reported already
  std::int64_t skew = *timestamp - clock.now;
  std::uint64_t distance =
      skew < 0 ? 0ULL - static_cast<std::uint64_t>(skew) : static_cast<std::uint64_t>(skew);
  if (distance <= static_cast<std::uint64_t>(kClockWindowSeconds)) return;
  std::string words = duration_in_words(distance, l);
  if (l == Language::zh)
    out.push_back(
        {100000004, fmt::format("Timestamp {} 比{}{} {}；允许的误差为 10 分钟", *timestamp,
                                clock.given ? " --now 给出的时间" : "本机时钟",
                                skew < 0 ? "慢" : "快", words)});
  else
    out.push_back({100000004, fmt::format("Timestamp {} is {} {} {}; the window is 10 minutes",
                                          *timestamp, words, skew < 0 ? "behind" : "ahead of",
                                          clock.given ? "the time given with --now"
                                                      : "this machine's clock")});
}

RequestCheck check_without_secret_shown(const std::vector<QueryParameter>& query, CheckClock clock,
                                        std::optional<std::string_view> secret,
                                        std::string& problem, Language l) {
  RequestCheck check;
  check_parameters(query, l, check.findings);
  check_writing(query, l, check.findings);
  auto timestamp = parameter(query, "Timestamp");
  if (timestamp) check_clock(*timestamp, clock, l, check.findings);

  auto sent = parameter(query, "Signature");
  auto app_id = parameter(query, "AppId");
  auto nonce = parameter(query, "SignatureNonce");
  std::optional<Finding> form = sent && !sent->empty() ? signature_form(*sent, l) : std::nullopt;
  if (form) check.findings.push_back(*form);
  if (!sent || sent->empty() || !app_id || !nonce || !timestamp) {
    check.signature_note =
        say(l, "not checked: the request lacks what is signed", "未核对：请求缺少参与签名的参数");
    return check;
  }
  if (!secret) {
    check.signature_note =
        say(l, "not checked against the secret (none given: set {} or give --secret-file FILE)",
            "未用密钥核对（未提供密钥：请设置 {} 或使用 --secret-file FILE）", kSecretVariable);
    return check;
  }
  SignedParts parts{*app_id, *nonce, *timestamp};
  std::optional<std::string> expected = sign(parts, *secret, problem);
  if (!expected) {
    check.signature_note =
        say(l, "not checked: signatures cannot be computed here (said on stderr)",
            "未核对：此处无法计算签名（原因见标准错误输出）");
    return check;
  }
  check.signature_checked = true;
  if (*expected == *sent) return check;
  // A mistake that reproduces it says more than its form; its form says
  // more than "the secret is likely wrong".
  if (std::optional<std::string> why = diagnose_signature(parts, *secret, *sent, problem, l)) {
    if (form) check.findings.pop_back();
    check.findings.push_back({100000005, *why});
  } else if (!form) {
    check.findings.push_back({100000005, unexplained_signature(l)});
  }
  return check;
}

}  // namespace

std::string without_secret(std::string text, std::string_view secret) {
  constexpr std::string_view kHidden = "(not shown: the ServerSecret)";
  if (secret.empty()) return text;
  for (std::size_t at = text.find(secret); at != std::string::npos;
       at = text.find(secret, at + kHidden.size()))
    text.replace(at, secret.size(), kHidden);
  return text;
}

std::string duration_in_words(std::uint64_t seconds, Language language) {
  constexpr std::array<std::pair<std::uint64_t, std::string_view>, 4> kEnglishUnits{
      {{86400, "d"}, {3600, "h"}, {60, "min"}, {1, "s"}}};
  constexpr std::array<std::pair<std::uint64_t, std::string_view>, 4> kChineseUnits{
      {{86400, "天"}, {3600, "小时"}, {60, "分"}, {1, "秒"}}};
  const auto& kUnits = language == Language::zh ? kChineseUnits : kEnglishUnits;
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
                           std::optional<std::string_view> secret, std::string& problem,
                           Language l) {
  RequestCheck check = check_without_secret_shown(query, clock, secret, problem, l);
  // A value sent that is or holds the secret (pasted where the Signature
  // goes) is never quoted.
  if (secret)
    for (Finding& finding : check.findings) finding.why = without_secret(finding.why, *secret);
  return check;
}

}  // namespace dhcode
