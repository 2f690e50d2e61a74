#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "background_source.hpp"
#include "decompress.hpp"
#include "input.hpp"
#include "input_format.hpp"

using namespace dhcode;

namespace {

class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string bytes) : bytes_(std::move(bytes)) {}
  std::size_t read(char* buffer, std::size_t size) override {
    std::size_t n = std::min(size, bytes_.size() - at_);
    bytes_.copy(buffer, n, at_);
    at_ += n;
    return n;
  }
  int error() const override { return 0; }

 private:
  std::string bytes_;
  std::size_t at_ = 0;
};

// Everything a source gives, and its problem.
std::pair<std::string, std::string> drain(ByteSource& source) {
  std::string out;
  char buffer[100];
  while (std::size_t n = source.read(buffer, sizeof buffer)) out.append(buffer, n);
  return {out, source.problem()};
}

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace

TEST_SUITE_BEGIN("input_format");

TEST_CASE("open_input: every format of the table is known by its magic bytes") {
  for (const InputFormat& format : input_formats()) {
    CAPTURE(format.name);
    std::string bytes(format.offset, 'x');
    bytes += format.magic;
    bytes += std::string(64, '\x01');  // nothing valid follows
    StringSource raw(bytes);
    auto [text, problem] = drain(*open_input(raw));
    switch (format.handling) {
      case Handling::refuse:
        CHECK(text.empty());
        CHECK(problem.starts_with(std::string(format.name) + ";"));
        CHECK(problem.find("dhcode reads text") != std::string::npos);
        break;
      case Handling::decompress:  // corrupt after the magic: said, not passed over
        CHECK(problem.find(format.name) != std::string::npos);
        break;
      case Handling::transcode:  // what follows the mark is text in that encoding
        CHECK(problem.empty());
        CHECK(!text.empty());
        break;
    }
  }
}

TEST_CASE("open_input: plain text is handed on as it is") {
  StringSource raw("2026-12-01 INFO {\"Code\":0}\n");
  auto [text, problem] = drain(*open_input(raw));
  CHECK(text == "2026-12-01 INFO {\"Code\":0}\n");
  CHECK(problem.empty());
}

TEST_CASE("open_input: UTF-16 without a byte order mark, from its NUL pattern") {
  std::string ascii = "{\"Code\":400000008,\"Message\":\"busy\"}\n";
  std::string little, big;
  for (char c : ascii) {
    little += c, little += '\0';
    big += '\0', big += c;
  }
  StringSource le(little), be(big);
  CHECK(drain(*open_input(le)).first == ascii);
  CHECK(drain(*open_input(be)).first == ascii);
}

TEST_CASE("open_input: a sequence that is not valid UTF-16 becomes U+FFFD, and reading goes on") {
  // "a", a lone low surrogate, "b".
  StringSource raw(
      std::string("\xff\xfe"
                  "a\0\x00\xdc"
                  "b\0",
                  8));
  CHECK(drain(*open_input(raw)).first ==
        "\xEF\xBB\xBF"
        "a\xEF\xBF\xBD"
        "b");
}

TEST_CASE("not_text_at: NUL padding and the controls of text are text; many others are not") {
  CHECK(not_text_at("plain log line\twith tab\r\n\f\x1b[31mred\x1b[0m\n") == std::string::npos);
  CHECK(not_text_at(std::string(4096, '\0') + "{\"Code\":0}\n") == std::string::npos);
  CHECK(not_text_at("a stray \x01 in a line of text is a flaw, not binary data\n") ==
        std::string::npos);
  std::string binary = "ab";
  for (int i = 0; i < 20; ++i) binary += std::string("\x01\x02\x00\x03", 4);
  CHECK(not_text_at(binary) == 2);
}

TEST_CASE("every input format is named in docs/logs.md's list") {
  std::string readme;  // its words, one blank between them, as wrapped lines read
  std::istringstream words(read_file(DHCODE_FIXTURES_DIR "/../../docs/logs.md"));
  for (std::string word; words >> word;) readme += word + " ";
  REQUIRE(!readme.empty());
  for (const InputFormat& format : input_formats()) {
    CAPTURE(format.name);
    CHECK(readme.find(std::string(format.name)) != std::string::npos);
  }
}

TEST_CASE("mentions_code: a Code key in any quoting, not the word in prose") {
  CHECK(mentions_code(R"({"Code":1})"));
  CHECK(mentions_code(R"(resp="{\"Code\":400000008}")"));
  CHECK(mentions_code("{'Code': 400000008}"));
  CHECK(mentions_code("{Code:400000008 Message:busy}"));
  CHECK(mentions_code("level=error Code=400000008"));
  CHECK(mentions_code(R"({"Code" : 1})"));
  CHECK(!mentions_code("the Code of conduct"));
  CHECK(!mentions_code("ErrorCode=5"));
  CHECK(!mentions_code(R"({"code":200})"));
}

TEST_CASE("gzip: ISA-L and zlib give the same bytes, and fail on the same data") {
  REQUIRE(gzip_inflates_with_isal());  // libisal-dev (scripts/setup.sh) brings libisal2
  std::string member = read_file(DHCODE_FIXTURES_DIR "/inputs/readable/app.log.gz");
  REQUIRE(member.size() > 40);
  std::string corrupt = member;
  corrupt[member.size() / 2] = static_cast<char>(corrupt[member.size() / 2] ^ 0x55);
  std::string bad_check = member;
  bad_check[member.size() - 6] = static_cast<char>(bad_check[member.size() - 6] ^ 0x01);
  const std::string inputs[] = {
      member,
      member + member,                      // two members, joined with cat
      member.substr(0, member.size() / 2),  // cut off
      member.substr(0, member.size() - 1),  // its trailer cut
      corrupt,
      bad_check,  // the CRC of the data is wrong
      member + "garbage after the end",
  };
  for (const std::string& input : inputs) {
    CAPTURE(input.size());
    auto [isal_text, isal_problem] = drain(*gunzipped(std::make_unique<StringSource>(input)));
    auto [zlib_text, zlib_problem] =
        drain(*gunzipped_with_zlib(std::make_unique<StringSource>(input)));
    CHECK(isal_text == zlib_text);
    CHECK(isal_problem.empty() == zlib_problem.empty());
    if (isal_problem.find("truncated") != std::string::npos) CHECK(isal_problem == zlib_problem);
  }
}

TEST_CASE("BackgroundSource: the bytes in order, the problem at the end, a reader that stops") {
  std::string bytes;
  for (int i = 0; bytes.size() < 3 * BackgroundSource::kChunkBytes * BackgroundSource::kChunksAhead;
       ++i)
    bytes += std::to_string(i) + "\n";
  {
    BackgroundSource source(std::make_unique<StringSource>(bytes));
    auto [text, problem] = drain(source);
    CHECK(text == bytes);
    CHECK(problem.empty());
    CHECK(source.error() == 0);
  }
  {
    std::string member = read_file(DHCODE_FIXTURES_DIR "/inputs/readable/app.log.gz");
    BackgroundSource source(gunzipped(std::make_unique<StringSource>(member.substr(0, 30))));
    auto [text, problem] = drain(source);
    CHECK(problem == "the gzip data is truncated");
  }
  {
    // Destroyed after one read, with the thread a few chunks ahead: no hang.
    BackgroundSource source(std::make_unique<StringSource>(bytes));
    char buffer[10];
    CHECK(source.read(buffer, sizeof buffer) == sizeof buffer);
    CHECK(std::string_view(buffer, 10) == std::string_view(bytes).substr(0, 10));
  }
}
