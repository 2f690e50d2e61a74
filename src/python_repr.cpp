#include "python_repr.hpp"

#include <fmt/format.h>

#include <cstring>
#include <utility>

#include "ascii.hpp"

namespace dhcode {
namespace {

constexpr std::size_t kMaxNesting = 1000;  // Python's own recursion limit is about this

// Appends a code point to a JSON string's body: printable ASCII as it is,
// everything else as \u escapes (surrogate pairs above U+FFFF), so the JSON
// is ASCII whatever the repr held.
void append_code_point(std::string& out, char32_t c) {
  if (c == '"' || c == '\\') {
    out += '\\';
    out += static_cast<char>(c);
  } else if (c >= 0x20 && c < 0x7F) {
    out += static_cast<char>(c);
  } else if (c < 0x10000) {
    out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
  } else {
    char32_t v = c - 0x10000;
    out += fmt::format("\\u{:04x}\\u{:04x}", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
  }
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  PythonRepr run() {
    PythonRepr result;
    if (value(0)) {
      result.json = std::move(out_);
    } else {
      result.offset = problem_at_;
      result.why = std::move(why_);
    }
    return result;
  }

 private:
  bool value(std::size_t depth) {
    skip_space();
    if (depth > kMaxNesting) return fail("nested too deeply");
    if (at_end()) return fail("the text ends where a value was expected");
    char c = text_[pos_];
    if (c == '{') return container(depth, '}', true);
    if (c == '[') return container(depth, ']', false);
    if (c == '(') return container(depth, ')', false);
    if (c == '\'' || c == '"') return string();
    if (c == '-' || is_ascii_digit(c)) return number();
    for (auto [word, json] :
         {std::pair{"True", "true"}, std::pair{"False", "false"}, std::pair{"None", "null"},
          std::pair{"inf", "null"}, std::pair{"nan", "null"}}) {
      if (text_.substr(pos_).starts_with(word) && !word_goes_on(pos_ + std::strlen(word))) {
        pos_ += std::strlen(word);
        out_ += json;
        return true;
      }
    }
    return fail("not a Python literal");
  }

  // A dict, list or tuple; JSON has objects and arrays.
  bool container(std::size_t depth, char closer, bool dict) {
    ++pos_;
    out_ += dict ? '{' : '[';
    bool first = true;
    for (;;) {
      skip_space();
      if (at_end()) return fail("the text ends inside a dict, list or tuple");
      if (text_[pos_] == closer) {
        ++pos_;
        out_ += dict ? '}' : ']';
        return true;
      }
      if (!first) {
        if (text_[pos_] != ',') return fail("expected ',' or the end of the container");
        ++pos_;
        skip_space();
        if (!at_end() && text_[pos_] == closer) continue;  // a trailing comma: (1,)
        out_ += ',';
      }
      first = false;
      if (dict) {
        if (!key(depth)) return false;
        skip_space();
        if (at_end() || text_[pos_] != ':') return fail("expected ':' after a dict key");
        ++pos_;
        out_ += ':';
      }
      if (!value(depth + 1)) return false;
    }
  }

  // JSON keys are strings: a number, True, False or None key is written as
  // one. A tuple key (hashable in Python, never in a response) is refused.
  bool key(std::size_t depth) {
    skip_space();
    if (!at_end() && (text_[pos_] == '\'' || text_[pos_] == '"')) return string();
    if (!at_end() && (text_[pos_] == '{' || text_[pos_] == '[' || text_[pos_] == '('))
      return fail("a dict key that is not a string, number, True, False or None");
    std::size_t start = out_.size();
    if (!value(depth + 1)) return false;
    std::string written = out_.substr(start);
    out_.resize(start);
    out_.push_back('"');
    out_.append(written);
    out_.push_back('"');
    return true;
  }

  bool string() {
    char quote = text_[pos_++];
    out_ += '"';
    while (!at_end()) {
      char c = text_[pos_];
      if (c == quote) {
        ++pos_;
        out_ += '"';
        return true;
      }
      if (c == '\n') return fail("a line ends inside a string");
      if (c == '\\') {
        if (!escape()) return false;
        continue;
      }
      unsigned char byte = static_cast<unsigned char>(c);
      if (byte >= 0x80) {
        out_ += c;  // UTF-8 as it is; the JSON reader checks it
      } else {
        append_code_point(out_, byte);
      }
      ++pos_;
    }
    return fail("the text ends inside a string");
  }

  bool escape() {
    if (pos_ + 1 >= text_.size()) return fail("the text ends inside a string");
    char kind = text_[pos_ + 1];
    pos_ += 2;
    switch (kind) {
      case '\\':
        append_code_point(out_, '\\');
        return true;
      case '\'':
        append_code_point(out_, '\'');
        return true;
      case '"':
        append_code_point(out_, '"');
        return true;
      case 'n':
        append_code_point(out_, '\n');
        return true;
      case 'r':
        append_code_point(out_, '\r');
        return true;
      case 't':
        append_code_point(out_, '\t');
        return true;
      case 'a':
        append_code_point(out_, 0x07);
        return true;
      case 'b':
        append_code_point(out_, 0x08);
        return true;
      case 'f':
        append_code_point(out_, 0x0C);
        return true;
      case 'v':
        append_code_point(out_, 0x0B);
        return true;
      case 'x':
        return hex_escape(2);
      case 'u':
        return hex_escape(4);
      case 'U':
        return hex_escape(8);
      default:
        if (kind >= '0' && kind <= '7') return octal_escape(kind);
        pos_ -= 2;
        return fail("not an escape Python writes");
    }
  }

  bool hex_escape(std::size_t digits) {
    char32_t c = 0;
    for (std::size_t i = 0; i < digits; ++i, ++pos_) {
      if (at_end() || hex_digit_value(text_[pos_]) < 0)
        return fail("an escape needs more hex digits");
      c = c * 16 + static_cast<char32_t>(hex_digit_value(text_[pos_]));
    }
    if (c > 0x10FFFF) return fail("an escape beyond U+10FFFF");
    append_code_point(out_, c);
    return true;
  }

  bool octal_escape(char first) {
    char32_t c = static_cast<char32_t>(first - '0');
    for (int i = 0; i < 2 && !at_end() && text_[pos_] >= '0' && text_[pos_] <= '7'; ++i, ++pos_)
      c = c * 8 + static_cast<char32_t>(text_[pos_] - '0');
    append_code_point(out_, c);
    return true;
  }

  // An int or a float as repr writes them (400010009, -5, 0.5, 1e-05,
  // 1.5e+20): the same grammar as JSON's numbers, so they are copied as
  // they are; inf and nan become null.
  bool number() {
    std::size_t start = pos_;
    if (text_[pos_] == '-') ++pos_;
    if (text_.substr(pos_).starts_with("inf") && !word_goes_on(pos_ + 3)) {
      pos_ += 3;
      out_ += "null";
      return true;
    }
    if (at_end() || !is_ascii_digit(text_[pos_])) return fail("not a number");
    if (text_[pos_] == '0') {
      ++pos_;
    } else {
      digits();
    }
    if (!at_end() && text_[pos_] == '.') {
      ++pos_;
      if (at_end() || !is_ascii_digit(text_[pos_])) return fail("not a number");
      digits();
    }
    if (!at_end() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (!at_end() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (at_end() || !is_ascii_digit(text_[pos_])) return fail("an exponent without digits");
      digits();
    }
    if (word_goes_on(pos_)) return fail("not a number");
    out_.append(text_.substr(start, pos_ - start));
    return true;
  }

  void digits() {
    while (!at_end() && is_ascii_digit(text_[pos_])) ++pos_;
  }

  bool word_goes_on(std::size_t at) const {
    if (at >= text_.size()) return false;
    char c = text_[at];
    return is_ascii_digit(c) || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  void skip_space() {
    while (!at_end() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }

  bool at_end() const { return pos_ >= text_.size(); }

  bool fail(std::string why) {
    problem_at_ = pos_;
    why_ = std::move(why);
    return false;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string out_;
  std::size_t problem_at_ = 0;
  std::string why_;
};

}  // namespace

PythonRepr python_repr_to_json(std::string_view text) {
  return Reader(text).run();
}

}  // namespace dhcode
