#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "registry.hpp"

using namespace dhcode;

namespace {

std::string read_fixture(const std::string& name) {
  std::ifstream file(std::string(DHCODE_FIXTURES_DIR) + "/" + name);
  REQUIRE_MESSAGE(file.good(), "cannot open fixture " << name);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

struct PageRow {
  Code code;
  std::string rest;  // Description and Recommended Action, run together as the page text has them
};

// The rows of the official page as text: the lines after the table's
// heading that start with digits.
std::vector<PageRow> rows_of_official_page() {
  std::istringstream page(read_fixture("global-return-codes-2026-03-20.txt"));
  std::vector<PageRow> rows;
  std::string line;
  while (std::getline(page, line) && line != "Return CodeDescriptionRecommended Action") {
  }
  while (std::getline(page, line)) {
    std::size_t digits = 0;
    while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    if (digits == 0) continue;
    rows.push_back({static_cast<Code>(std::stoul(line.substr(0, digits))), line.substr(digits)});
  }
  return rows;
}

struct ChineseRow {
  Code code;
  std::string description;
};

std::vector<ChineseRow> rows_of_chinese_page() {
  std::istringstream page(read_fixture("zh-return-codes-2026-03-10.mdx.txt"));
  std::vector<ChineseRow> rows;
  std::string line;
  while (std::getline(page, line)) {
    // | 400010007 | 资源不足。| 没有可用节点，请联系 ZEGO 技术支持。|
    if (line.size() < 3 || line[0] != '|' || !std::isdigit(static_cast<unsigned char>(line[2])))
      continue;
    std::size_t second = line.find('|', 1);
    std::size_t third = line.find('|', second + 1);
    rows.push_back({static_cast<Code>(std::stoul(line.substr(1, second - 1))),
                    line.substr(second + 1, third - second - 1)});
  }
  return rows;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++count;
  return count;
}

std::size_t entries_with(Status status) {
  return static_cast<std::size_t>(std::ranges::count(builtin_entries(), status, &Entry::status));
}

}  // namespace

TEST_SUITE_BEGIN("registry");

TEST_CASE("every row of the official page is in the registry word for word") {
  std::vector<PageRow> rows = rows_of_official_page();
  REQUIRE(rows.size() == 20);
  for (const PageRow& row : rows) {
    CAPTURE(row.code);
    const Entry* entry = find_builtin_entry(row.code);
    REQUIRE(entry != nullptr);
    CHECK(entry->status == Status::current);
    // The page text runs the two columns together: the row is the
    // description followed directly by the action.
    REQUIRE(row.rest.starts_with(entry->description));
    CHECK(row.rest.substr(entry->description.size()) == entry->action);
  }
}

TEST_CASE("the split between description and action follows the columns of the Chinese page") {
  // The English text has no column separator; the Chinese page of the same
  // table does. Each description there is as many sentences as here.
  std::vector<PageRow> english = rows_of_official_page();
  std::vector<ChineseRow> chinese = rows_of_chinese_page();
  REQUIRE(chinese.size() == english.size());
  for (std::size_t i = 0; i < chinese.size(); ++i) {
    CAPTURE(chinese[i].code);
    REQUIRE(chinese[i].code == english[i].code);
    const Entry* entry = find_builtin_entry(chinese[i].code);
    REQUIRE(entry != nullptr);
    CHECK(count_of(std::string(entry->description), ".") == count_of(chinese[i].description, "。"));
  }
}

TEST_CASE("the registry holds no current code that the official page lacks") {
  std::vector<PageRow> rows = rows_of_official_page();
  for (const Entry& entry : builtin_entries()) {
    if (entry.status != Status::current) continue;
    CAPTURE(entry.code);
    CHECK(std::ranges::any_of(rows, [&](const PageRow& row) { return row.code == entry.code; }));
  }
}

TEST_CASE("notes_for") {
  CHECK(notes_for(100000004).size() == 3);
  // 100000004 and 100000005 point to dhcode verify, as dhcode's own advice.
  for (Code code : {100000004, 100000005}) {
    CAPTURE(code);
    CHECK(std::ranges::any_of(notes_for(code), [](const Note& note) {
      return note.text.find("dhcode verify") != std::string_view::npos &&
             note.source == "dhcode's own advice";
    }));
  }
  CHECK(notes_for(100000004)[0].text.find("10 minutes") != std::string_view::npos);
  CHECK(notes_for(400010009)[0].text.find("10 calls per second") != std::string_view::npos);
  CHECK(notes_for(400000001)[0].text.find("Message") != std::string_view::npos);
  CHECK(notes_for(400000012)[0].text.find("earlier") != std::string_view::npos);  // legacy
  CHECK(notes_for(400000005).empty());  // nothing documented beyond the page
  CHECK(notes_for(12345).empty());
  for (const Entry& entry : builtin_entries())
    for (const Note& note : notes_for(entry.code)) CHECK_FALSE(note.source.empty());
}

TEST_CASE("Registry: built-in until something is put, then built-in plus overlays") {
  Registry registry;
  CHECK(registry.entries().data() == builtin_entries().data());
  Entry added{400010050,
              registry.keep("Team-only code."),
              registry.keep("Ask on-call."),
              Category::server,
              false,
              Status::team};
  added.overlay = registry.keep("team.json");
  registry.put(added);
  CHECK(registry.entries().size() == builtin_entries().size() + 1);
  CHECK(registry.find(400010050)->description == "Team-only code.");
  Entry annotated = *registry.find(400000008);
  annotated.note = registry.keep("Page the streaming team.");
  registry.put(annotated);
  CHECK(registry.find(400000008)->note == "Page the streaming team.");
  CHECK(registry.entries().size() == builtin_entries().size() + 1);
  CHECK(std::ranges::is_sorted(registry.entries(), {}, &Entry::code));
}

TEST_CASE("the registry has 20 current, 15 further gateway and 19 legacy codes") {
  CHECK(entries_with(Status::current) == 20);
  CHECK(entries_with(Status::gateway) == 15);
  CHECK(entries_with(Status::legacy) == 19);
}

TEST_CASE("retryable exactly where the documented action is to retry or wait") {
  std::set<Code> retryable;
  for (const Entry& entry : builtin_entries())
    if (entry.retryable) retryable.insert(entry.code);
  // 400000006: wait for the stream; 400010002 and 400010009: retry later;
  // legacy 400004006 and 400004011: start the recognition again.
  CHECK(retryable == std::set<Code>{400000006, 400004006, 400004011, 400010002, 400010009});
}

TEST_CASE("find_entry") {
  SUBCASE("finds the first, a middle and the last code") {
    CHECK(find_builtin_entry(0)->description == "Success.");
    CHECK(find_builtin_entry(400000008)->description ==
          "Digital Human video stream concurrency limit exceeded.");
    CHECK(find_builtin_entry(400010009)->description == "API rate limit exceeded.");
  }
  SUBCASE("returns null for codes that are not there") {
    CHECK(find_builtin_entry(1) == nullptr);
    CHECK(find_builtin_entry(100000016) == nullptr);
    CHECK(find_builtin_entry(400010010) == nullptr);
    CHECK(find_builtin_entry(kLargestCode) == nullptr);
  }
  SUBCASE("finds every entry of the table") {
    for (const Entry& entry : builtin_entries()) CHECK(find_builtin_entry(entry.code) == &entry);
  }
}

TEST_CASE("find_range") {
  CHECK(find_range(400010050)->pattern == "4000100xx");
  CHECK(find_range(400010000)->pattern == "4000100xx");
  CHECK(find_range(400010099)->pattern == "4000100xx");
  CHECK(find_range(100000099)->pattern == "1000000xx");
  CHECK(find_range(400004099)->pattern == "4000040xx");
  CHECK(find_range(400010100) == nullptr);
  CHECK(find_range(5) == nullptr);
  SUBCASE("every entry but success lies in a documented range") {
    for (const Entry& entry : builtin_entries())
      if (entry.code != 0) CHECK(find_range(entry.code) != nullptr);
  }
}

TEST_CASE("legacy codes and changed meanings") {
  CHECK(find_builtin_entry(400000012)->status == Status::legacy);
  CHECK(find_builtin_entry(400004013)->status == Status::legacy);
  CHECK(find_builtin_entry(400010002)->earlier.find("Insufficient resources. Retry later.") !=
        std::string_view::npos);
  CHECK(find_builtin_entry(400000003)->earlier.find("MetaHumanId") != std::string_view::npos);
  CHECK(find_builtin_entry(400000010)->earlier.find("MetaHumanId") != std::string_view::npos);
  CHECK(find_builtin_entry(400000002)->earlier.find("PaaS") != std::string_view::npos);
}

TEST_CASE("names of categories and statuses round-trip") {
  for (const Entry& entry : builtin_entries()) {
    CHECK(category_named(name_of(entry.category)) == entry.category);
    CHECK(status_named(name_of(entry.status)) == entry.status);
  }
  CHECK_FALSE(category_named("nonsense").has_value());
  CHECK_FALSE(status_named("").has_value());
  CHECK(source_of(Status::current).find("2026-03-20") != std::string_view::npos);
}

TEST_SUITE_END();
