#include "callback_signature.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <vector>

#include "ascii.hpp"
#include "digest.hpp"
#include "words.hpp"

namespace dhcode {
namespace {

// One of the three values, named for messages (the secret's text is never
// shown).
struct Part {
  std::string_view name;
  std::string_view text;
  bool operator==(const Part&) const = default;
};

using Parts = std::array<Part, 3>;

Parts parts_of(std::string_view timestamp, std::string_view nonce, std::string_view secret) {
  return {Part{"CallbackSecret", secret}, Part{"Timestamp", timestamp}, Part{"Nonce", nonce}};
}

// The documented order: as strings, byte by byte (PHP's sort with
// SORT_STRING, Java's Arrays.sort of Strings).
Parts in_dictionary_order(Parts parts) {
  std::ranges::sort(parts, {}, &Part::text);
  return parts;
}

std::optional<std::int64_t> number_of(std::string_view text) {
  std::int64_t number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return number;
}

// PHP's sort() without SORT_STRING: numeric strings compared as numbers.
Parts in_numeric_order(Parts parts) {
  std::ranges::stable_sort(parts, [](const Part& a, const Part& b) {
    std::optional<std::int64_t> x = number_of(a.text), y = number_of(b.text);
    if (x && y) return *x < *y;
    return a.text < b.text;
  });
  return parts;
}

std::optional<std::string> digest_of(Digest digest, const Parts& parts, std::string& problem) {
  return hex_digest(digest, {parts[0].text, parts[1].text, parts[2].text}, problem);
}

std::string order_text(const Parts& parts) {
  return fmt::format("{}, {}, {}", parts[0].name, parts[1].name, parts[2].name);
}

// The ways a signer or a checker commonly goes wrong, each a way to compute
// a signature and what to say when it reproduces the one sent.
class MistakeFinder {
 public:
  MistakeFinder(const CallbackSignature& sent, std::string_view secret, Language language,
                std::string& problem)
      : sent_(sent), secret_(secret), language_(language), problem_(problem) {}

  // The first mistake that reproduces the Signature, or empty.
  std::string find(std::optional<std::string_view> server_secret) {
    Parts parts = parts_of(sent_.timestamp, sent_.nonce, secret_);
    Parts numeric = in_numeric_order(parts);
    if (numeric != in_dictionary_order(parts) && reproduces(Digest::sha1, numeric))
      return say(language_,
                 "it matches with the three values sorted as numbers ({}); sort them as "
                 "strings, in dictionary order (PHP: sort($values, SORT_STRING))",
                 "三个值按数字排序（{}）时相符；应按字符串的字典序排序（PHP：sort($values, "
                 "SORT_STRING)）",
                 order_text(numeric));
    std::string found = find_unsorted(parts);
    if (!found.empty()) return found;
    if (server_secret &&
        reproduces(Digest::sha1,
                   in_dictionary_order(parts_of(sent_.timestamp, sent_.nonce, *server_secret))))
      return say(language_,
                 "it matches with DHCODE_SERVER_SECRET: the ServerSecret was used where the "
                 "CallbackSecret belongs (Console > Project Configuration > Project Information)",
                 "用 DHCODE_SERVER_SECRET 时相符：在应使用 CallbackSecret 处使用了 ServerSecret"
                 "（控制台 > 项目配置 > 项目信息）");
    return find_altered_values();
  }

 private:
  bool reproduces(Digest digest, const Parts& parts) {
    std::optional<std::string> digest_hex = digest_of(digest, parts, problem_);
    return digest_hex && *digest_hex == sent_.signature;
  }

  std::string find_unsorted(const Parts& parts) {
    Parts order = parts;
    std::ranges::sort(order, {}, &Part::name);
    do {
      if (order != in_dictionary_order(parts) && reproduces(Digest::sha1, order))
        return say(language_,
                   "it matches with the three values joined unsorted, in the order {}; sort "
                   "them in dictionary order first",
                   "三个值未排序、按 {} 的顺序拼接时相符；应先按字典序排序", order_text(order));
    } while (std::ranges::next_permutation(order, {}, &Part::name).found);
    return {};
  }

  // The values as a checker may have altered them before signing.
  std::string find_altered_values() {
    Parts sorted = in_dictionary_order(parts_of(sent_.timestamp, sent_.nonce, secret_));
    std::string lowered = sent_.signature;
    std::ranges::transform(lowered, lowered.begin(), to_ascii_lower);
    std::optional<std::string> right = digest_of(Digest::sha1, sorted, problem_);
    if (right && lowered == *right && lowered != sent_.signature)
      return say(language_,
                 "it matches in lower case: the Signature is written in upper-case hex; "
                 "compare the hex case-insensitively",
                 "忽略大小写时相符：Signature 为大写十六进制；比较时应忽略大小写");
    for (std::string_view end : {"\n", "\r\n"}) {
      std::string with_end = std::string(secret_) + std::string(end);
      if (reproduces(Digest::sha1,
                     in_dictionary_order(parts_of(sent_.timestamp, sent_.nonce, with_end))))
        return say(language_,
                   "it matches with a line end after the CallbackSecret: the secret was read "
                   "with its line end (a file written with echo); strip it",
                   "CallbackSecret 末尾带换行时相符：读取密钥时带上了换行（用 echo 写入的文件）；"
                   "应去掉");
    }
    for (auto [name, trimmed] : {std::pair{"Timestamp", without_leading_zeros(sent_.timestamp)},
                                 std::pair{"Nonce", without_leading_zeros(sent_.nonce)}}) {
      bool nonce = std::string_view(name) == "Nonce";
      if (trimmed == (nonce ? sent_.nonce : sent_.timestamp)) continue;
      Parts altered = nonce ? parts_of(sent_.timestamp, trimmed, secret_)
                            : parts_of(trimmed, sent_.nonce, secret_);
      if (reproduces(Digest::sha1, in_dictionary_order(altered)))
        return say(language_,
                   "it matches with the {} read as a number (its leading zeros lost); keep it "
                   "as the string that was sent",
                   "把 {} 当作数字读取（丢失了开头的 0）时相符；应保持收到的字符串原样", name);
    }
    for (Digest digest : {Digest::md5, Digest::sha256})
      if (reproduces(digest, sorted))
        return say(language_, "it matches as {}: the digest is SHA-1",
                   "按 {} 计算时相符：应使用 SHA-1", name_of(digest));
    return {};
  }

  static std::string without_leading_zeros(std::string_view text) {
    std::size_t first = text.find_first_not_of('0');
    if (first == std::string_view::npos || first == 0) return std::string(text);
    return std::string(text.substr(first));
  }

  const CallbackSignature& sent_;
  std::string_view secret_;
  Language language_;
  std::string& problem_;
};

}  // namespace

std::optional<std::string> callback_signature(std::string_view timestamp, std::string_view nonce,
                                              std::string_view secret, std::string& problem) {
  return digest_of(Digest::sha1, in_dictionary_order(parts_of(timestamp, nonce, secret)), problem);
}

std::optional<CallbackVerdict> verify_callback(const CallbackSignature& sent,
                                               std::string_view secret,
                                               std::optional<std::string_view> server_secret,
                                               std::string& problem, Language language) {
  std::optional<std::string> right =
      callback_signature(sent.timestamp, sent.nonce, secret, problem);
  if (!right) return std::nullopt;
  if (*right == sent.signature) return CallbackVerdict{true, {}};
  std::string why = MistakeFinder(sent, secret, language, problem).find(server_secret);
  if (!problem.empty()) return std::nullopt;
  if (why.empty())
    why = say(language,
              "no common mistake reproduces it (unsorted or numerically sorted values, the "
              "ServerSecret, upper-case hex, a line end after the secret, leading zeros lost, "
              "MD5 or SHA-256): the CallbackSecret is likely wrong, or the payload was changed "
              "after it was signed",
              "常见错误（未排序或按数字排序、误用 ServerSecret、大写十六进制、密钥末尾带换行、"
              "丢失开头的 0、MD5 或 SHA-256）都无法重现它：CallbackSecret 可能有误，或回调内容"
              "在签名后被改动");
  return CallbackVerdict{false, std::move(why)};
}

}  // namespace dhcode
