#include "safe_text.hpp"

#include <fmt/format.h>

namespace dhcode {

Decoded decode_utf8(std::string_view text) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(0);
  if (lead < 0x80) return {1, lead};

  std::size_t length = 0;
  char32_t code_point = 0;
  char32_t smallest = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, code_point = lead & 0x1F, smallest = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, code_point = lead & 0x0F, smallest = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, code_point = lead & 0x07, smallest = 0x10000;
  } else {
    return {0, 0};
  }
  if (text.size() < length) return {0, 0};
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return {0, 0};
    code_point = (code_point << 6) | (byte(i) & 0x3F);
  }
  if (code_point < smallest || code_point > 0x10FFFF) return {0, 0};
  if (code_point >= 0xD800 && code_point <= 0xDFFF) return {0, 0};
  return {length, code_point};
}

namespace {

bool acts_on_terminal(char32_t c) {
  if (c < 0x20) return c != '\t';
  if (c == 0x7F) return true;
  if (c >= 0x80 && c <= 0x9F) return true;  // C1 controls, CSI (0x9B) among them
  // Bidirectional marks, embeddings, overrides and isolates.
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

void append_escape(std::string& out, char32_t c) {
  switch (c) {
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    default:
      break;
  }
  if (c < 0x80)
    fmt::format_to(std::back_inserter(out), "\\x{:02x}", static_cast<unsigned>(c));
  else
    fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(c));
}

}  // namespace

std::string visible(std::string_view untrusted) {
  std::string out;
  out.reserve(untrusted.size());
  while (!untrusted.empty()) {
    Decoded d = decode_utf8(untrusted);
    if (d.length == 0) {
      fmt::format_to(std::back_inserter(out), "\\x{:02x}",
                     static_cast<unsigned>(static_cast<unsigned char>(untrusted.front())));
      untrusted.remove_prefix(1);
      continue;
    }
    if (acts_on_terminal(d.code_point))
      append_escape(out, d.code_point);
    else
      out.append(untrusted.substr(0, d.length));
    untrusted.remove_prefix(d.length);
  }
  return out;
}

bool is_utf8(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    if (static_cast<unsigned char>(text[at]) < 0x80) {
      ++at;
      continue;
    }
    std::size_t length = decode_utf8(text.substr(at)).length;
    if (length == 0) return false;
    at += length;
  }
  return true;
}

}  // namespace dhcode
