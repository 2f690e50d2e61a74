#include "text_width.hpp"

#include <locale.h>

#include <algorithm>
#include <cwchar>

#include "ascii.hpp"

namespace dhcode {

std::size_t cells(std::string_view text) {
  if (is_ascii(text)) return text.size();
  // A UTF-8 locale of its own, so the program's locale is left as it is.
  static locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  if (!utf8) return text.size();
  locale_t previous = uselocale(utf8);
  std::size_t width = 0;
  std::mbstate_t state{};
  while (!text.empty()) {
    wchar_t c;
    std::size_t length = std::mbrtowc(&c, text.data(), text.size(), &state);
    if (length == 0 || length > text.size()) {  // a NUL, or bytes that are not UTF-8
      state = std::mbstate_t{};
      length = 1;
      width += 1;
    } else {
      int w = wcwidth(c);
      width += w < 0 ? 1 : static_cast<std::size_t>(w);
    }
    text.remove_prefix(length);
  }
  uselocale(previous);
  return width;
}

std::string padded(std::string_view text, std::size_t width) {
  std::string out(text);
  std::size_t used = cells(text);
  if (used < width) out.append(width - used, ' ');
  return out;
}

}  // namespace dhcode
