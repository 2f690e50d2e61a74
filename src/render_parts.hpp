// Small pieces every renderer shares: colour that is only applied when asked
// for, labelled lines in the label column, and JSON null for absent text.
#pragma once

#include <fmt/color.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "language.hpp"

namespace dhcode {

// text in style when color is on, else unchanged.
std::string paint(std::string_view text, fmt::text_style style, bool color);

// Appends "  Label:    value\n": the labels' column is 10 terminal cells wide.
void append_labelled_line(std::string& out, std::string_view label, std::string_view value,
                          bool color, Language language);

// JSON null for empty or absent text, else the text.
nlohmann::ordered_json text_or_null(std::string_view text);
nlohmann::ordered_json text_or_null(const std::optional<std::string>& text);

}  // namespace dhcode
