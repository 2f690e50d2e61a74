#include <doctest/doctest.h>

#include "simplified_chinese.hpp"

using namespace dhcode;

TEST_SUITE_BEGIN("simplified_chinese");

// scripts/setup.sh installs OpenCC: the suite runs with it.
TEST_CASE("Traditional characters become the Simplified ones of the registry's texts") {
  std::string problem;
  auto simplified = [&problem](std::string_view text) {
    std::optional<std::string> result = to_simplified(text, problem);
    REQUIRE_MESSAGE(result.has_value(), problem);
    return *result;
  };
  CHECK(simplified("簽名") == "签名");
  CHECK(simplified("併發") == "并发");
  CHECK(simplified("語音識別") == "语音识别");
  CHECK(simplified("签名") == "签名");        // Simplified stays as it is
  CHECK(simplified("流式TTS") == "流式TTS");  // and so does the rest
  CHECK(simplified("") == "");
}

TEST_SUITE_END();
