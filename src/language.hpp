// The language of text output: English or Chinese (the official texts of
// ZEGOCLOUD's Chinese pages, and labels written for dhcode).
#pragma once

#include <optional>
#include <string_view>

namespace dhcode {

enum class Language { en, zh };

std::optional<Language> language_named(std::string_view name);  // "en", "zh"
std::string_view name_of(Language language);

// Without --lang: DHCODE_LANG, then LC_ALL, LC_MESSAGES and LANG, the first
// that is set and not empty (in gettext's order); a value that starts with
// "zh" (zh_CN.UTF-8, zh_TW, zh) selects Chinese, anything else English.
Language language_from_environment();

}  // namespace dhcode
