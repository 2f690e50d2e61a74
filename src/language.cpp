#include "language.hpp"

#include <cstdlib>

namespace dhcode {

std::optional<Language> language_named(std::string_view name) {
  if (name == "en") return Language::en;
  if (name == "zh") return Language::zh;
  return std::nullopt;
}

std::string_view name_of(Language language) {
  return language == Language::zh ? "zh" : "en";
}

Language language_from_environment() {
  for (const char* variable : {"DHCODE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(variable);
    if (!value || !*value) continue;
    return std::string_view(value).starts_with("zh") ? Language::zh : Language::en;
  }
  return Language::en;
}

}  // namespace dhcode
