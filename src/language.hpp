// The language of text output: English or Chinese (the official texts of
// ZEGOCLOUD's Chinese pages, and labels written for dhcode).
#pragma once

#include <optional>
#include <string_view>

namespace dhcode {

enum class Language { en, zh };

// The language a name or a locale stands for, by its language part in any
// case: "zh", "ZH", "zh_CN", "zh-Hans", "zh_TW.UTF-8" are Chinese; "en",
// "en_US.UTF-8" English; anything else none.
std::optional<Language> language_named(std::string_view name);
std::string_view name_of(Language language);

// Without --lang: DHCODE_LANG (a value dhcode does not know is warned about
// and skipped), then gettext's order: LANGUAGE (a ':' list, the first
// choice dhcode has) unless the locale is C, then the locale of LC_ALL,
// LC_MESSAGES or LANG (the first set and not empty). Chinese when that
// says zh, else English.
Language language_from_environment();

}  // namespace dhcode
