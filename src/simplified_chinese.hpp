// Traditional Chinese as Simplified, for search: the registry's Chinese texts
// are Simplified, and a user who types 簽名 or 併發 means 签名 and 并发.
//
// The conversion is OpenCC's (t2s.json, Debian's libopencc1.1 and its data),
// opened with dlopen the first time a word needs it: nothing at start-up,
// and without OpenCC, search works as before and says what is missing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dhcode {

// The text with its Traditional characters as Simplified ones (the rest as
// it was); nothing after setting problem when OpenCC cannot be used.
std::optional<std::string> to_simplified(std::string_view text, std::string& problem);

}  // namespace dhcode
