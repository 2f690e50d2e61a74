#include "language.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "output.hpp"
#include "safe_text.hpp"

namespace dhcode {

std::optional<Language> language_named(std::string_view name) {
  std::string_view part = name.substr(0, name.find_first_of("_-.@"));
  auto is = [part](std::string_view code) {
    return part.size() == code.size() && std::equal(part.begin(), part.end(), code.begin(),
                                                    [](char a, char b) { return (a | 0x20) == b; });
  };
  if (is("zh")) return Language::zh;
  if (is("en")) return Language::en;
  return std::nullopt;
}

std::string_view name_of(Language language) {
  return language == Language::zh ? "zh" : "en";
}

Language language_from_environment() {
  // dhcode's own setting first; a value it does not know is said, and the
  // system's settings decide.
  if (const char* value = std::getenv("DHCODE_LANG"); value && *value) {
    if (std::optional<Language> language = language_named(value)) return *language;
    report(
        fmt::format("warning: DHCODE_LANG={} is no language dhcode has (en, zh); the locale "
                    "decides",
                    visible(value)));
  }
  std::string_view locale;
  for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(variable);
    if (value && *value) {
      locale = value;
      break;
    }
  }
  // gettext's order: LANGUAGE, a list of choices, unless the locale is C.
  const char* choices = std::getenv("LANGUAGE");
  bool c_locale = locale == "C" || locale == "POSIX" || locale.starts_with("C.");
  if (choices && *choices && !locale.empty() && !c_locale) {
    std::string_view rest = choices;
    while (!rest.empty()) {
      std::string_view choice = rest.substr(0, rest.find(':'));
      rest.remove_prefix(std::min(rest.size(), choice.size() + 1));
      if (std::optional<Language> language = language_named(choice)) return *language;
    }
  }
  return c_locale ? Language::en : language_named(locale).value_or(Language::en);
}

}  // namespace dhcode
