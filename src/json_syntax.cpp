#include "json_syntax.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "ascii.hpp"
#include "safe_text.hpp"

namespace dhcode {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Reads one text from start to end with an explicit stack, so that nesting
// of any depth costs memory in proportion to the text, never the C++ stack.
class Checker {
 public:
  explicit Checker(std::string_view text) : text_(text) {}

  JsonSyntax run() {
    bool want_value = true;
    while (!result_.problem) {
      if (want_value) {
        want_value = !value();
      } else if (stack_.empty()) {
        skip_space();
        if (pos_ != text_.size()) unexpected("after the end of the value");
        break;
      } else {
        want_value = after_value();
      }
    }
    return std::move(result_);
  }

 private:
  // Reads a value, or the start of a container; returns true when a whole
  // value was read, false when a container was opened (its first value is
  // wanted next) or on a problem.
  bool value() {
    skip_space();
    if (at_end()) return fail(text_.size(), "the record ends where a value was expected");
    switch (text_[pos_]) {
      case '{':
        return open('{', '}');
      case '[':
        return open('[', ']');
      case '"':
        return string();
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      default:
        if (text_[pos_] == '-' || is_ascii_digit(text_[pos_])) return number();
        return unexpected("where a value was expected");
    }
  }

  bool open(char opener, char closer) {
    ++pos_;
    skip_space();
    if (!at_end() && text_[pos_] == closer) {
      ++pos_;
      return true;  // {} or []: a whole value
    }
    stack_.push_back(opener);
    if (opener == '{') member_name();
    return false;
  }

  // After a value inside a container: a comma and the next value, or the end
  // of the container. Returns whether a value is wanted next.
  bool after_value() {
    skip_space();
    char top = stack_.back();
    if (at_end())
      return fail(text_.size(), top == '{' ? "the record ends inside an object"
                                           : "the record ends inside an array");
    char c = text_[pos_];
    if (c == ',') {
      ++pos_;
      if (top == '{') member_name();
      return true;
    }
    if ((c == '}' && top == '{') || (c == ']' && top == '[')) {
      ++pos_;
      stack_.pop_back();
      return false;
    }
    return unexpected(top == '{' ? "where ',' or '}' was expected"
                                 : "where ',' or ']' was expected");
  }

  // "name": before a member's value.
  void member_name() {
    skip_space();
    if (at_end()) {
      fail(text_.size(), "the record ends inside an object");
      return;
    }
    if (text_[pos_] != '"') {
      unexpected("where a member name in double quotes was expected");
      return;
    }
    if (!string()) return;
    skip_space();
    if (at_end()) {
      fail(text_.size(), "the record ends inside an object");
      return;
    }
    if (text_[pos_] != ':') {
      unexpected("where ':' was expected");
      return;
    }
    ++pos_;
  }

  bool string() {
    ++pos_;  // the opening quote
    while (!at_end()) {
      unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\\') {
        if (!escape()) return false;
      } else if (c < 0x20) {
        return fail(pos_, c == '\n' ? std::string("a line ends inside a string")
                                    : fmt::format("control character U+{:04X} inside a string "
                                                  "(JSON needs it escaped)",
                                                  c));
      } else if (c < 0x80) {
        ++pos_;
      } else {
        Decoded decoded = decode_utf8(text_.substr(pos_));
        if (decoded.length == 0) {
          // A byte of another encoding (GBK, Latin-1) in a string: the
          // record is read all the same, and the byte shown as it is.
          result_.not_utf8.push_back(pos_++);
          continue;
        }
        pos_ += decoded.length;
      }
    }
    return fail(text_.size(), "the record ends inside a string");
  }

  bool escape() {
    std::size_t start = pos_;
    if (pos_ + 1 >= text_.size()) return fail(text_.size(), "the record ends inside a string");
    char kind = text_[pos_ + 1];
    if (std::string_view("\"\\/bfnrt").find(kind) != std::string_view::npos) {
      pos_ += 2;
      return true;
    }
    if (kind != 'u')
      return fail(start, fmt::format("invalid escape '\\{}' in a string", visible({&kind, 1})));
    int unit = code_unit(start);
    if (unit < 0) return false;
    pos_ = start + 6;
    bool high = unit >= 0xD800 && unit <= 0xDBFF;
    bool low = unit >= 0xDC00 && unit <= 0xDFFF;
    if (high && text_.substr(pos_).starts_with("\\u")) {
      int next = code_unit(pos_);
      if (next < 0) return false;
      if (next >= 0xDC00 && next <= 0xDFFF) {
        pos_ += 6;  // a surrogate pair: one character
        return true;
      }
    }
    if (high || low) result_.lone_surrogates.push_back(start);  // valid JSON all the same
    return true;
  }

  // The four hex digits of \uXXXX at at, or -1 after reporting them.
  int code_unit(std::size_t at) {
    int unit = 0;
    for (std::size_t i = at + 2; i < at + 6; ++i) {
      if (i >= text_.size()) return fail(text_.size(), "the record ends inside a string"), -1;
      int digit = hex_digit_value(text_[i]);
      if (digit < 0) return fail(at, "invalid \\u escape: it needs four hex digits"), -1;
      unit = unit * 16 + digit;
    }
    return unit;
  }

  bool number() {
    std::size_t start = pos_;
    bool integer = true;
    if (text_[pos_] == '-') ++pos_;
    if (at_end() || !is_ascii_digit(text_[pos_])) return unexpected("inside a number");
    if (text_[pos_] == '0') {
      ++pos_;
    } else {
      digits();
    }
    if (!at_end() && text_[pos_] == '.') {
      integer = false;
      ++pos_;
      if (at_end() || !is_ascii_digit(text_[pos_])) return unexpected("inside a number");
      digits();
    }
    if (!at_end() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      integer = false;
      ++pos_;
      if (!at_end() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (at_end() || !is_ascii_digit(text_[pos_])) return unexpected("inside a number");
      digits();
    }
    std::string_view token = text_.substr(start, pos_ - start);
    if (beyond_64_bits(token, integer)) result_.huge_numbers.push_back({start, token.size()});
    return true;
  }

  // simdjson takes integers that fit 64 bits (signed, or unsigned when not
  // negative) and other numbers that fit a double.
  static bool beyond_64_bits(std::string_view token, bool integer) {
    if (integer) {
      const char* end = token.data() + token.size();
      if (token.front() == '-') {
        std::int64_t value;
        return std::from_chars(token.data(), end, value).ec != std::errc();
      }
      std::uint64_t value;
      return std::from_chars(token.data(), end, value).ec != std::errc();
    }
    return std::isinf(std::strtod(std::string(token).c_str(), nullptr));
  }

  void digits() {
    while (!at_end() && is_ascii_digit(text_[pos_])) ++pos_;
  }

  bool literal(std::string_view word) {
    for (char expected : word) {
      if (at_end() || text_[pos_] != expected) return unexpected("where a value was expected");
      ++pos_;
    }
    return true;
  }

  void skip_space() {
    while (!at_end() && is_space(text_[pos_])) ++pos_;
  }

  bool at_end() const { return pos_ >= text_.size(); }

  bool fail(std::size_t offset, std::string why) {
    if (!result_.problem) result_.problem = JsonSyntax::Problem{offset, std::move(why)};
    return false;
  }

  // The character at pos_ is not what the grammar allows there.
  bool unexpected(std::string_view where) {
    if (at_end()) return fail(text_.size(), "the record ends early");
    unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (c < 0x20 || c == 0x7F)
      return fail(pos_, fmt::format("unexpected control character U+{:04X} {}", c, where));
    if (c < 0x80) return fail(pos_, fmt::format("unexpected character '{}' {}", char(c), where));
    Decoded decoded = decode_utf8(text_.substr(pos_));
    if (decoded.length == 0) return fail(pos_, fmt::format("invalid UTF-8 byte 0x{:02X}", c));
    return fail(pos_, fmt::format("unexpected character '{}' (U+{:04X}) {}",
                                  visible(text_.substr(pos_, decoded.length)),
                                  static_cast<std::uint32_t>(decoded.code_point), where));
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::vector<char> stack_;  // '{' or '[' for each open container
  JsonSyntax result_;
};

}  // namespace

JsonSyntax check_json(std::string_view text) {
  return Checker(text).run();
}

std::string readable_copy(std::string_view text, const JsonSyntax& syntax) {
  std::string copy(text);
  for (JsonSyntax::Span number : syntax.huge_numbers) {
    std::string_view replacement = text[number.offset] == '-' ? "-1e300" : "1e300";
    // A huge number is at least as long as its replacement ("1e309", 20 digits).
    copy.replace(number.offset, number.size,
                 std::string(replacement).append(number.size - replacement.size(), ' '));
  }
  for (std::size_t at : syntax.lone_surrogates) copy.replace(at, 6, "\\ufffd");
  // From the last to the first, so that the offsets before stay right.
  for (auto at = syntax.not_utf8.rbegin(); at != syntax.not_utf8.rend(); ++at) {
    auto byte = static_cast<unsigned char>(text[*at]);
    char stand_in[] = {'\xF4', '\x8F', static_cast<char>(0xBC | (byte >> 6)),
                       static_cast<char>(0x80 | (byte & 0x3F))};
    copy.replace(*at, 1, stand_in, sizeof stand_in);
  }
  return copy;
}

void restore_not_utf8(std::string& text) {
  std::size_t out = 0;
  for (std::size_t in = 0; in < text.size(); ++in) {
    unsigned char lead = static_cast<unsigned char>(text[in]);
    if (lead == 0xF4 && in + 3 < text.size() && text[in + 1] == '\x8F' &&
        (static_cast<unsigned char>(text[in + 2]) & 0xFC) == 0xBC) {
      text[out++] = static_cast<char>(((text[in + 2] & 0x03) << 6) | (text[in + 3] & 0x3F));
      in += 3;
    } else {
      text[out++] = text[in];
    }
  }
  text.resize(out);
}

TextPosition position_of(std::string_view text, std::size_t offset, std::size_t first_line,
                         std::size_t first_column) {
  TextPosition position{first_line, first_column};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++position.line;
      position.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++position.column;  // a character starts here (continuation bytes do not count)
    }
  }
  return position;
}

}  // namespace dhcode
