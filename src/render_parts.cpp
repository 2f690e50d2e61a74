#include "render_parts.hpp"

#include <fmt/format.h>

#include "words.hpp"

namespace dhcode {

std::string paint(std::string_view text, fmt::text_style style, bool color) {
  return color ? fmt::format(style, "{}", text) : std::string(text);
}

void append_labelled_line(std::string& out, std::string_view label, std::string_view value,
                          bool color, Language language) {
  fmt::format_to(std::back_inserter(out), "  {} {}\n",
                 paint(label_cell(label, language), fmt::emphasis::faint, color), value);
}

nlohmann::ordered_json text_or_null(std::string_view text) {
  if (text.empty()) return nullptr;
  return std::string(text);
}

nlohmann::ordered_json text_or_null(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  return *text;
}

}  // namespace dhcode
