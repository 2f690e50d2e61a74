#include "simplified_chinese.hpp"

#include <fmt/format.h>
#include <opencc/opencc.h>

#include "shared_library.hpp"

namespace dhcode {
namespace {

struct OpenCC {
  decltype(&opencc_open) open = nullptr;
  decltype(&opencc_convert_utf8) convert = nullptr;
  decltype(&opencc_convert_utf8_free) free = nullptr;
  decltype(&opencc_error) error = nullptr;
  opencc_t converter = nullptr;
  std::string problem;  // why it cannot be used, or empty
};

// Opened once a process; the converter lives as long as the process.
const OpenCC& opencc() {
  static const OpenCC loaded = [] {
    OpenCC o;
    if (!load_functions("libopencc.so.1.1", o.problem, symbol("opencc_open", o.open),
                        symbol("opencc_convert_utf8", o.convert),
                        symbol("opencc_convert_utf8_free", o.free),
                        symbol("opencc_error", o.error)))
      return o;
    o.converter = o.open("t2s.json");  // found in OpenCC's data folder
    if (o.converter == reinterpret_cast<opencc_t>(-1)) {
      const char* why = o.error();
      o.problem = fmt::format("OpenCC cannot open t2s.json: {}", why ? why : "no reason given");
      o.converter = nullptr;
    }
    return o;
  }();
  return loaded;
}

}  // namespace

std::optional<std::string> to_simplified(std::string_view text, std::string& problem) {
  const OpenCC& o = opencc();
  if (!o.converter) {
    problem = o.problem;
    return std::nullopt;
  }
  char* converted = o.convert(o.converter, text.data(), text.size());
  if (!converted) {
    const char* why = o.error();
    problem = fmt::format("OpenCC cannot convert: {}", why ? why : "no reason given");
    return std::nullopt;
  }
  std::string simplified(converted);
  o.free(converted);
  return simplified;
}

}  // namespace dhcode
