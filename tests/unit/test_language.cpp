#include <doctest/doctest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "language.hpp"
#include "run_support.hpp"
#include "stats_command.hpp"
#include "text_width.hpp"

using namespace dhcode;
using testing::Captured;
using testing::TempFile;

namespace {

// Sets the four variables for one check, and unsets them after.
using Values = std::vector<std::pair<const char*, const char*>>;

struct Environment {
  explicit Environment(const Values& values) {
    for (const char* name : kNames) unsetenv(name);
    for (auto [name, value] : values) setenv(name, value, 1);
  }
  ~Environment() {
    for (const char* name : kNames) unsetenv(name);
  }
  static constexpr const char* kNames[] = {"DHCODE_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES",
                                           "LANG"};
};

}  // namespace

TEST_SUITE_BEGIN("language");

TEST_CASE("the language from the environment, in gettext's order after DHCODE_LANG") {
  {
    Environment e(Values{});
    CHECK(language_from_environment() == Language::en);
  }
  {
    Environment e(Values{{"LANG", "zh_CN.UTF-8"}});
    CHECK(language_from_environment() == Language::zh);
  }
  {
    Environment e(Values{{"LANG", "zh_CN.UTF-8"}, {"LC_MESSAGES", "en_US.UTF-8"}});
    CHECK(language_from_environment() == Language::en);
  }
  {
    Environment e(Values{{"LC_MESSAGES", "en_US.UTF-8"}, {"LC_ALL", "zh_TW"}});
    CHECK(language_from_environment() == Language::zh);
  }
  {
    Environment e(Values{{"LC_ALL", "zh_TW"}, {"DHCODE_LANG", "en"}});
    CHECK(language_from_environment() == Language::en);
  }
  {
    Environment e(Values{{"LC_ALL", ""}, {"LANG", "zh"}});  // empty: not set
    CHECK(language_from_environment() == Language::zh);
  }
  {
    Environment e(Values{{"LANG", "C.UTF-8"}});
    CHECK(language_from_environment() == Language::en);
  }
  {
    Environment e(Values{{"LANG", "en_US.UTF-8"}, {"LANGUAGE", "fr:zh_CN:en"}});
    CHECK(language_from_environment() == Language::zh);  // gettext's first choice dhcode has
  }
  {
    Environment e(Values{{"LANG", "C"}, {"LANGUAGE", "zh_CN"}});
    CHECK(language_from_environment() == Language::en);  // gettext ignores it under C
  }
  {
    Environment e(Values{{"DHCODE_LANG", "fr"}, {"LANG", "zh_CN.UTF-8"}});
    CHECK(language_from_environment() == Language::zh);  // warned about, then the locale
  }
  CHECK(language_named("zh") == Language::zh);
  CHECK(language_named("ZH") == Language::zh);
  CHECK(language_named("zh_CN") == Language::zh);
  CHECK(language_named("zh-Hans") == Language::zh);
  CHECK(language_named("zh_TW.UTF-8") == Language::zh);
  CHECK(language_named("EN") == Language::en);
  CHECK(language_named("en-GB") == Language::en);
  CHECK_FALSE(language_named("cn"));
  CHECK_FALSE(language_named("zhx"));
  CHECK_FALSE(language_named(""));
}

TEST_CASE("terminal cells: East Asian wide characters take two") {
  CHECK(cells("abc") == 3);
  CHECK(cells("说明") == 4);
  CHECK(cells("请求 ID") == 7);
  CHECK(cells("é") == 1);
  CHECK(padded("重试", 5) == "重试 ");
  CHECK(padded("toolong", 3) == "toolong");
}

TEST_CASE("a Chinese stats table: each row's columns start at the same terminal cell") {
  TempFile log(
      "{\"Code\":0}\n{\"Code\":400010009}\n{\"Code\":400010009}\n{\"Code\":400000012}\n"
      "{\"Code\":400010050}\n");
  Captured captured;
  captured.context().language = Language::zh;
  StatsRequest request;
  request.inputs = {log.path()};
  run_stats(request, captured.context());
  std::istringstream text(captured.text());
  std::string heading;
  std::getline(text, heading);
  // Where the retry and description columns start, in cells, on every line.
  auto cell_of = [](const std::string& line, std::size_t byte) {
    return cells(line.substr(0, byte));
  };
  std::size_t retry = cell_of(heading, heading.find("重试"));
  std::size_t description = cell_of(heading, heading.find("说明"));
  std::size_t rows = 0;
  for (std::string line; std::getline(text, line) && !line.empty(); ++rows) {
    CAPTURE(line);
    std::size_t code_end = line.find("  ", line.find('%') + 3);
    std::size_t retry_byte = line.find_first_not_of(' ', code_end);
    CHECK(cell_of(line, retry_byte) == retry);
    std::size_t description_byte = line.find_first_not_of(' ', line.find(' ', retry_byte));
    CHECK(cell_of(line, description_byte) == description);
  }
  CHECK(rows == 4);
  CHECK(captured.text().find("响应：5（成功 1，错误 4）") != std::string::npos);
}

TEST_SUITE_END();
