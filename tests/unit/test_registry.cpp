#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
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
  CHECK(notes_for(100000004).size() == 4);
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
  CHECK(find_builtin_entry(400010002)->earlier.find("资源不足。 / 请稍后重试。") !=
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

namespace {

struct ChinesePageRow {
  Code code;
  std::string description;
  std::string action;
};

std::string trimmed_without_code_marks(std::string text) {
  std::erase(text, '`');  // inline code marks are the page's formatting, not text
  std::size_t first = text.find_first_not_of(' ');
  std::size_t last = text.find_last_not_of(' ');
  return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

// "| 400010007 | 资源不足。| 没有可用节点，请联系 ZEGO 技术支持。|": every table
// row of a page, or of its lines [first, last).
std::vector<ChinesePageRow> rows_of(const std::string& fixture, std::size_t first = 0,
                                    std::size_t last = SIZE_MAX) {
  std::istringstream page(read_fixture(fixture));
  std::vector<ChinesePageRow> rows;
  std::string line;
  for (std::size_t number = 0; std::getline(page, line); ++number) {
    if (number < first || number >= last) continue;
    std::size_t start = line.find_first_not_of(" |");
    if (line.empty() || line[0] != '|' || start == std::string::npos ||
        !std::isdigit(static_cast<unsigned char>(line[start])))
      continue;
    std::vector<std::string> cells;
    for (std::size_t at = 1, next; (next = line.find('|', at)) != std::string::npos; at = next + 1)
      cells.push_back(trimmed_without_code_marks(line.substr(at, next - at)));
    REQUIRE(cells.size() == 3);
    rows.push_back({static_cast<Code>(std::stoul(cells[0])), cells[1], cells[2]});
  }
  return rows;
}

// Checks every row of a page whose code has this status in the registry.
std::size_t check_chinese_rows(const std::vector<ChinesePageRow>& rows, Status status) {
  std::size_t checked = 0;
  for (const ChinesePageRow& row : rows) {
    CAPTURE(row.code);
    const Entry* entry = find_builtin_entry(row.code);
    if (!entry || entry->status != status) continue;
    const ChineseText* text = find_chinese_text(row.code);
    REQUIRE(text != nullptr);
    CHECK(text->description == row.description);
    CHECK(text->action == row.action);
    ++checked;
  }
  return checked;
}

}  // namespace

TEST_CASE("every code's Chinese texts are its Chinese page's, word for word") {
  // Current codes: the current page, all 20 rows.
  std::vector<ChinesePageRow> current = rows_of("zh-return-codes-2026-03-10.mdx.txt");
  CHECK(current.size() == 20);
  CHECK(check_chinese_rows(current, Status::current) == 20);
  // Gateway codes: the first table of the common-codes page (the 1000000xx
  // rows; the second table is another product's).
  std::vector<ChinesePageRow> common =
      rows_of("zh-common-return-codes-aiagent-2026-07-17.mdx.txt", 0, 30);
  CHECK(check_chinese_rows(common, Status::gateway) == entries_with(Status::gateway));
  // The codes both the current page and the common table list read the same
  // (but for a full stop: the common table writes 0's as "成功").
  auto without_full_stop = [](std::string_view text) {
    return text.ends_with("。") ? text.substr(0, text.size() - std::string_view("。").size())
                                : text;
  };
  for (const ChinesePageRow& row : common) {
    if (find_builtin_entry(row.code) && find_builtin_entry(row.code)->status == Status::current) {
      CAPTURE(row.code);
      CHECK(without_full_stop(find_chinese_text(row.code)->description) ==
            without_full_stop(row.description));
    }
  }
  // Legacy codes: the earlier page, their original.
  std::vector<ChinesePageRow> legacy = rows_of("zh-return-codes-legacy-1263a13.mdx.txt");
  CHECK(check_chinese_rows(legacy, Status::legacy) == entries_with(Status::legacy));
  // Every built-in code has its Chinese texts (the table is checked against
  // kEntries at compile time too).
  for (const Entry& entry : builtin_entries()) CHECK(find_chinese_text(entry.code) != nullptr);
}

TEST_CASE("where the pages of the two languages disagree in substance, it is said here") {
  // Codes the current pages list in both languages with the same meaning:
  // every one. Where the earlier (legacy) Chinese page said something else
  // for a code that is current today, the registry's "earlier" says so in
  // English; the Chinese output shows the current Chinese page's text.
  std::vector<ChinesePageRow> legacy = rows_of("zh-return-codes-legacy-1263a13.mdx.txt");
  std::vector<Code> changed;
  for (const ChinesePageRow& row : legacy) {
    const Entry* entry = find_builtin_entry(row.code);
    if (entry && entry->status == Status::current &&
        find_chinese_text(row.code)->description != row.description)
      changed.push_back(row.code);
  }
  // 400000002 (PaaS → API), 400000003 (数字人形象 → 数字人), 400000008 (a typo,
  // 哦, on the earlier page), 400000010 (形象), 400010001 (the list of APIs),
  // 400010002 (资源不足 → 系统繁忙: a change of meaning, in "earlier").
  CHECK(changed ==
        std::vector<Code>{400000002, 400000003, 400000008, 400000010, 400010001, 400010002});
  CHECK_FALSE(find_builtin_entry(400010002)->earlier.empty());
}

TEST_CASE("every note names a source of dhcode's reference, and advice says it is advice") {
  std::span<const std::string_view> sources = note_sources();
  for (const Entry& entry : builtin_entries()) {
    for (const Note& note : notes_for(entry.code)) {
      CAPTURE(entry.code);
      CAPTURE(note.text);
      CHECK(std::ranges::find(sources, note.source) != sources.end());
      CHECK(note.text.starts_with("Tip:") == (note.source == "dhcode's own advice"));
    }
  }
}

namespace {

// The parts of a text in Chinese quotation marks.
std::vector<std::string> quotes_in(std::string_view text) {
  std::vector<std::string> quotes;
  constexpr std::string_view open = "“", close = "”";
  for (std::size_t at = text.find(open); at != std::string_view::npos; at = text.find(open, at)) {
    at += open.size();
    std::size_t end = text.find(close, at);
    if (end == std::string_view::npos) break;
    quotes.emplace_back(text.substr(at, end - at));
  }
  return quotes;
}

bool has_chinese(std::string_view text) {
  return text.find("\xe4") != std::string_view::npos ||
         text.find("\xe5") != std::string_view::npos ||
         text.find("\xe6") != std::string_view::npos || text.find("\xe7") != std::string_view::npos;
}

}  // namespace

TEST_CASE("under zh, dhcode's notes, ranges and earlier texts are Chinese, quotes word for word") {
  // The Chinese pages each note's source names: what it quotes must be there.
  std::string signing = read_fixture("signing-the-request-zh.mdx.txt") +
                        read_fixture("accessing-server-apis-zh.mdx.txt");
  std::string current = read_fixture("zh-return-codes-2026-03-10.mdx.txt");
  std::string earlier = read_fixture("zh-return-codes-legacy-1263a13.mdx.txt");
  std::span<const std::string_view> sources = note_sources();
  for (const Entry& entry : builtin_entries()) {
    CAPTURE(entry.code);
    for (const Note& note : notes_for(entry.code)) {
      std::string_view text = text_in(note, Language::zh);
      CAPTURE(text);
      CHECK(has_chinese(text));
      CHECK(std::ranges::find(sources, source_in(note, Language::zh)) != sources.end());
      CHECK(text.starts_with("提示：") == note.text.starts_with("Tip:"));
      std::string_view source = source_in(note, Language::zh);
      const std::string& page = source.find("签名机制") != std::string_view::npos     ? signing
                                : source.find("全局返回码") != std::string_view::npos ? current
                                                                                      : earlier;
      for (const std::string& quote : quotes_in(text)) {
        CAPTURE(quote);
        CHECK(page.find(quote) != std::string::npos);
      }
    }
    std::string_view earlier_text = earlier_in(entry, Language::zh);
    CHECK(earlier_text.empty() == entry.earlier.empty());
    for (const std::string& quote : quotes_in(earlier_text)) {
      CAPTURE(quote);
      CHECK(earlier.find(quote) != std::string::npos);
    }
    if (!earlier_text.empty()) CHECK(!quotes_in(earlier_text).empty());
  }
  for (Code code : {100000050, 400000050, 400004050, 400010050}) {
    const Range* range = find_range(code);
    REQUIRE(range != nullptr);
    CHECK(has_chinese(holds_in(*range, Language::zh)));
  }
}

TEST_CASE("the language an entry's text is shown in: a team's code given in one language") {
  Entry english{400099001, "Team code", "Do it", Category::server, false, Status::team};
  Entry chinese = english;
  chinese.description = {};
  chinese.action = {};
  chinese.description_zh = "团队码";
  CHECK(language_shown(english, Language::zh) == Language::en);
  CHECK(language_shown(english, Language::en) == Language::en);
  CHECK(language_shown(chinese, Language::en) == Language::zh);
  CHECK(language_shown(chinese, Language::zh) == Language::zh);
  CHECK(language_shown(*find_builtin_entry(400000008), Language::zh) == Language::zh);
}
