#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "line_reader.hpp"

using namespace dhcode;

namespace {

// Reads text through a temporary file, as dhcode reads a file argument.
std::vector<Line> lines_of(const std::string& text, std::vector<std::string>& texts) {
  std::FILE* file = std::tmpfile();
  REQUIRE(file != nullptr);
  REQUIRE(std::fwrite(text.data(), 1, text.size(), file) == text.size());
  std::fflush(file);
  std::rewind(file);
  FdSource source(fileno(file));
  LineReader reader(source);
  std::vector<Line> lines;
  Line line;
  while (reader.next(line)) {
    texts.emplace_back(line.text);  // copied: the view lasts until the next call
    lines.push_back(line);
  }
  CHECK(source.error() == 0);
  std::fclose(file);
  return lines;
}

}  // namespace

TEST_SUITE_BEGIN("line_reader");

TEST_CASE("LineReader splits lines and numbers them") {
  std::vector<std::string> texts;
  std::vector<Line> lines = lines_of("one\ntwo\n\nfour", texts);
  REQUIRE(lines.size() == 4);
  CHECK(texts == std::vector<std::string>{"one", "two", "", "four"});
  CHECK(lines[3].number == 4);
  CHECK_FALSE(lines[3].too_long);
}

TEST_CASE("LineReader drops CR of CRLF and byte order marks") {
  std::vector<std::string> texts;
  lines_of("\xEF\xBB\xBF{\"Code\":0}\r\nnext\r\n\xEF\xBB\xBFthird\n", texts);
  CHECK(texts == std::vector<std::string>{"{\"Code\":0}", "next", "third"});
}

TEST_CASE("LineReader reads lines longer than its chunk whole") {
  std::string long_line(700 * 1024, 'x');
  std::vector<std::string> texts;
  std::vector<Line> lines = lines_of("a\n" + long_line + "\nb", texts);
  REQUIRE(lines.size() == 3);
  CHECK(texts[1] == long_line);
  CHECK(texts[2] == "b");
}

TEST_CASE("LineReader skips a line longer than the limit and goes on") {
  std::string too_long(max_record_bytes() + 1, 'x');
  std::vector<std::string> texts;
  std::vector<Line> lines = lines_of("a\n" + too_long + "\nb\n" + too_long, texts);
  REQUIRE(lines.size() == 4);
  CHECK(lines[1].too_long);
  CHECK(texts[1].empty());
  CHECK(texts[2] == "b");
  CHECK(lines[2].number == 3);
  CHECK(lines[3].too_long);  // also at the end of the input, without a line end
}

TEST_CASE("LineReader reads nothing from empty input") {
  std::vector<std::string> texts;
  CHECK(lines_of("", texts).empty());
}

TEST_CASE("LineReader reports a read error") {
  FdSource source(-1);
  LineReader reader(source);
  Line line;
  CHECK_FALSE(reader.next(line));
  CHECK(source.error() != 0);
}

TEST_SUITE_END();

TEST_CASE("too_long_message names the limit and the option that raises it") {
  CHECK(too_long_message("line") ==
        "line longer than 1 MiB (1048576 bytes); skipped (--max-record SIZE raises the limit, "
        "e.g. --max-record 64M)");
  set_max_record_bytes(4 * 1024 * 1024);
  CHECK(too_long_message("record").starts_with("record longer than 4 MiB (4194304 bytes)"));
  set_max_record_bytes(kDefaultMaxRecordBytes);
}
