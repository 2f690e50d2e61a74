#include "go_syntax.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "ascii.hpp"

namespace dhcode {
namespace {

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// The value of count digits in base at text's start, or -1.
long digits_value(std::string_view text, std::size_t count, int base) {
  if (text.size() < count) return -1;
  long value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    int digit = hex_digit_value(text[i]);
    if (digit < 0 || digit >= base) return -1;
    value = value * base + digit;
  }
  return value;
}

// One escape after a backslash at text[0]: appends its value and returns
// how many characters it took, or 0 when it is not one of Go's.
std::size_t go_escape(std::string_view text, std::string& out) {
  if (text.empty()) return 0;
  constexpr std::string_view kSimple = "abfnrtv\\\"'";
  constexpr std::string_view kValues = "\a\b\f\n\r\t\v\\\"'";
  if (std::size_t at = kSimple.find(text[0]); at != std::string_view::npos) {
    out += kValues[at];
    return 1;
  }
  long value = -1;
  std::size_t used = 0;
  switch (text[0]) {
    case 'x': value = digits_value(text.substr(1), 2, 16), used = 3; break;
    case 'u': value = digits_value(text.substr(1), 4, 16), used = 5; break;
    case 'U': value = digits_value(text.substr(1), 8, 16), used = 9; break;
    default: value = digits_value(text, 3, 8), used = 3; break;  // \NNN, octal
  }
  if (value < 0) return 0;
  if (text[0] == 'x' || (text[0] >= '0' && text[0] <= '7')) {
    if (value > 0xFF) return 0;
    out += static_cast<char>(value);  // a byte, as Go means it
  } else {
    if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    append_utf8(out, static_cast<char32_t>(value));
  }
  return used;
}

// The envelope's fields after Code, in order, as %#v and %+v begin them.
constexpr std::array<std::string_view, 3> kLaterFields = {"Message:", "RequestId:", "Data:"};
constexpr std::array<std::string_view, 3> kLaterFieldsAfterBlank = {" Message:", " RequestId:",
                                                                    " Data:"};

// %+v: " Message:text RequestId:text Data:..." up to the closing '}'. A
// value runs to where a later field of the envelope begins.
bool read_plus_v_fields(std::string_view rest, Response& response) {
  if (!rest.ends_with('}')) return false;
  rest.remove_suffix(1);
  std::size_t field = 0;
  while (!rest.empty()) {
    while (field < kLaterFields.size() && !rest.starts_with(kLaterFieldsAfterBlank[field]))
      ++field;
    if (field == kLaterFields.size()) return false;  // not the envelope's fields
    rest.remove_prefix(kLaterFieldsAfterBlank[field].size());
    std::size_t end = rest.size();
    for (std::size_t later = field + 1; later < kLaterFields.size(); ++later)
      end = std::min(end, rest.find(kLaterFieldsAfterBlank[later]));
    std::string value(rest.substr(0, end));
    if (field == 0) response.message = std::move(value);
    if (field == 1) response.request_id = std::move(value);
    rest.remove_prefix(end);
    ++field;
  }
  return true;
}

// The end of a Go value that is not a string (a number, nil, a nested
// struct, a map): at the ',' or '}' that closes it at its own level.
std::size_t skip_go_value(std::string_view text) {
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '{' || c == '[' || c == '(') ++depth;
    if ((c == '}' || c == ']' || c == ')') && depth-- == 0) return i;
    if (c == ',' && depth == 0) return i;
    if (c == '"') {
      std::size_t end = 0;
      if (!go_unquote(text.substr(i + 1), end)) return std::string_view::npos;
      i += end;
    }
  }
  return std::string_view::npos;
}

// %#v: ", Message:\"text\", RequestId:\"text\", Data:...}".
bool read_sharp_v_fields(std::string_view rest, Response& response) {
  std::size_t field = 0;
  while (rest.starts_with(", ")) {
    rest.remove_prefix(2);
    while (field < kLaterFields.size() && !rest.starts_with(kLaterFields[field])) ++field;
    if (field == kLaterFields.size()) return false;
    rest.remove_prefix(kLaterFields[field].size());
    if (rest.starts_with('"')) {
      std::size_t end = 0;
      std::optional<std::string> value = go_unquote(rest.substr(1), end);
      if (!value) return false;
      if (field == 0) response.message = std::move(value);
      if (field == 1) response.request_id = std::move(value);
      rest.remove_prefix(end + 1);
    } else {
      std::size_t end = skip_go_value(rest);
      if (end == std::string_view::npos) return false;
      rest.remove_prefix(end);
    }
    ++field;
  }
  return rest == "}";
}

}  // namespace

std::optional<std::string> go_unquote(std::string_view text, std::size_t& end) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      end = i + 1;
      return out;
    }
    if (c == '\n') return std::nullopt;
    if (c != '\\') {
      out += c;
      continue;
    }
    std::size_t used = go_escape(text.substr(i + 1), out);
    if (used == 0) return std::nullopt;
    i += used;
  }
  return std::nullopt;
}

std::optional<Response> go_struct_response(std::string_view text) {
  constexpr std::string_view kStart = "{Code:";
  if (!text.starts_with(kStart)) return std::nullopt;
  text.remove_prefix(kStart.size());
  Response response;
  std::uint64_t code = 0;
  auto [after, error] = std::from_chars(text.data(), text.data() + text.size(), code);
  if (error != std::errc() || after == text.data() || code > kLargestCode) return std::nullopt;
  response.code = static_cast<Code>(code);
  std::string_view rest = text.substr(static_cast<std::size_t>(after - text.data()));
  bool read = rest == "}" || (rest.starts_with(", ") ? read_sharp_v_fields(rest, response)
                                                     : read_plus_v_fields(rest, response));
  if (!read) return std::nullopt;
  return response;
}

}  // namespace dhcode
