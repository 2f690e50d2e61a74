#include "ci_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <vector>

#include "render_task.hpp"
#include "safe_text.hpp"
#include "words.hpp"

namespace dhcode {
namespace {

// A response succeeded when its Code is 0 and no task status in its Data
// says the task failed.
bool succeeded(const Explanation& explanation, const ResponseContext* from) {
  if (explanation.code != 0) return false;
  return !from || std::ranges::none_of(from->response.tasks, task_failed);
}

// A callback whose task failed, or whose meaning the sources do not give
// (check's status 1 for both).
bool needs_attention(const TaskReport& callback) {
  return !documented(callback) || task_failed(callback);
}

// What a callback comes to, a line each: its status, FailReason, ids, time.
std::vector<std::string> callback_lines(const TaskReport& callback, Language language) {
  std::vector<std::string> lines{describe_status(callback, language)};
  auto add = [&lines](std::string_view label, const std::optional<std::string>& value) {
    if (value) lines.push_back(fmt::format("{}: {}", label, visible(*value)));
  };
  add("FailReason", callback.fail_reason);
  add("TaskId", callback.task_id);
  add("RoomId", callback.room_id);
  add("StreamId", callback.stream_id);
  add("DriveId", callback.drive_id);
  if (callback.event_time) lines.push_back("EventTime: " + event_time_text(*callback.event_time));
  return lines;
}

// What a failed response comes to, a line each: the description, the
// server's own words, the action and whether a retry can help. Untrusted
// text is made visible here; the format escapes what is left.
std::vector<std::string> summary_lines(const Explanation& explanation, const ResponseContext* from,
                                       Language language) {
  const Words& w = words_for(language);
  const Entry* entry = explanation.entry;
  auto labelled = [language](std::string_view label, std::string_view value) {
    return fmt::format("{}{} {}", label, language == Language::zh ? "：" : ":", value);
  };
  std::vector<std::string> lines;
  lines.push_back(entry ? visible(description_in(*entry, language))
                        : std::string(w.not_in_registry));
  if (from && from->response.message)
    lines.push_back(labelled(w.message, visible(*from->response.message)));
  if (from && from->response.request_id)
    lines.push_back(labelled(w.request_id, visible(*from->response.request_id)));
  if (from && from->response.time) lines.push_back(labelled(w.time, visible(*from->response.time)));
  std::string_view action = entry ? action_in(*entry, language) : std::string_view();
  lines.push_back(labelled(w.action, action.empty() ? w.not_documented : visible(action)));
  lines.push_back(labelled(w.retry, entry ? retry_advice(*entry, language) : w.not_documented));
  if (from)
    for (const TaskReport& task : from->response.tasks)
      lines.push_back(describe_status(task, language));
  return lines;
}

// The title of a problem: a record of an input, or the input itself.
std::string_view problem_kind(const Origin& origin) {
  return origin.line > 0 ? "unreadable record" : "unreadable input";
}

std::string joined(const std::vector<std::string>& lines) {
  return fmt::format("{}", fmt::join(lines, "\n"));
}

// --- GitHub Actions: a workflow command a line, as each is found ----------

class GithubReport : public CiReport {
 public:
  explicit GithubReport(const Context& context)
      : output_(context.output), language_(context.language) {}

  void explained(const Explanation& explanation, const ResponseContext* from,
                 std::uint64_t count) override {
    if (succeeded(explanation, from)) return;  // annotations are for what went wrong
    std::string title = fmt::format("{}", explanation.code);
    if (count > 1) title += fmt::format(" ({} responses)", count);
    write(from ? &from->origin : nullptr, title,
          joined(summary_lines(explanation, from, language_)));
  }

  void callback(const TaskReport& callback, const Origin& origin) override {
    if (!needs_attention(callback)) return;
    write(&origin, fmt::format("EventType {}", *callback.event_type),
          joined(callback_lines(callback, language_)));
  }

  void problem(const Origin& origin, std::string_view why) override {
    write(&origin, problem_kind(origin), visible(why));
  }

  void finish() override {}

 private:
  // ::error file=api.log,line=12,col=3,title=400000008::message
  void write(const Origin* origin, std::string_view title, std::string_view message) {
    std::string properties;
    if (origin && !origin->name.empty()) {
      properties = fmt::format("file={}", github_property(visible(origin->name)));
      if (origin->line > 0) properties += fmt::format(",line={}", origin->line);
      if (origin->column > 0) properties += fmt::format(",col={}", origin->column);
      properties += ',';
    }
    properties += fmt::format("title={}", github_property(title));
    output_.write(fmt::format("::error {}::{}\n", properties, github_message(message)));
  }

  Output& output_;
  Language language_;
};

// --- JUnit XML: one document, written once everything is read --------------

struct TestCase {
  std::string name;
  std::string file;
  std::size_t line = 0;
  std::string outcome;  // "", "failure" or "error"
  std::string type;     // the code, or what kind of problem
  std::string message;  // one line
  std::string details;  // the summary's lines
};

struct TestSuite {
  std::string name;  // the input, or "arguments" for typed codes
  std::vector<TestCase> cases;
  std::size_t count(std::string_view outcome) const {
    return static_cast<std::size_t>(std::ranges::count_if(
        cases, [outcome](const TestCase& test) { return test.outcome == outcome; }));
  }
};

class JunitReport : public CiReport {
 public:
  explicit JunitReport(const Context& context)
      : output_(context.output), language_(context.language) {}

  void explained(const Explanation& explanation, const ResponseContext* from,
                 std::uint64_t count) override {
    TestCase test;
    std::string code = fmt::format("{}", explanation.code);
    if (from) {
      test.file = visible(from->origin.name);
      test.line = from->origin.line;
      test.name = fmt::format("{}:{} {}", test.file, test.line, code);
    } else {
      test.name = code;
    }
    if (count > 1) test.name += fmt::format(" ({} responses)", count);
    if (!succeeded(explanation, from)) {
      std::vector<std::string> lines = summary_lines(explanation, from, language_);
      test.outcome = "failure";
      test.type = code;
      test.message = lines.front();
      test.details = joined(lines);
    }
    suite(from ? std::string_view(test.file) : "arguments").cases.push_back(std::move(test));
  }

  void callback(const TaskReport& callback, const Origin& origin) override {
    TestCase test;
    test.file = visible(origin.name);
    test.line = origin.line;
    std::string what = fmt::format("EventType {}", *callback.event_type);
    test.name = fmt::format("{}:{} {}", test.file, test.line, what);
    if (needs_attention(callback)) {
      std::vector<std::string> lines = callback_lines(callback, language_);
      test.outcome = "failure";
      test.type = what;
      test.message = lines.front();
      test.details = joined(lines);
    }
    suite(test.file).cases.push_back(std::move(test));
  }

  void problem(const Origin& origin, std::string_view why) override {
    TestCase test;
    test.file = visible(origin.name);
    test.line = origin.line;
    test.name = origin.line > 0 ? fmt::format("{}:{}", test.file, origin.line) : test.file;
    if (test.name.empty()) test.name = "argument";
    test.outcome = "error";
    test.type = problem_kind(origin);
    test.message = visible(why);
    test.details = test.message;
    suite(test.file.empty() ? std::string_view("arguments") : test.file)
        .cases.push_back(std::move(test));
  }

  void finish() override;

 private:
  TestSuite& suite(std::string_view name) {
    if (suites_.empty() || suites_.back().name != name) {
      auto found = std::ranges::find(suites_, name, &TestSuite::name);
      if (found != suites_.end()) return *found;
      suites_.push_back({std::string(name), {}});
    }
    return suites_.back();
  }

  Output& output_;
  Language language_;
  std::vector<TestSuite> suites_;
};

void JunitReport::finish() {
  std::size_t tests = 0, failures = 0, errors = 0;
  for (const TestSuite& suite : suites_) {
    tests += suite.cases.size();
    failures += suite.count("failure");
    errors += suite.count("error");
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  fmt::format_to(std::back_inserter(out),
                 "<testsuites name=\"dhcode\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n", tests,
                 failures, errors);
  for (const TestSuite& suite : suites_) {
    fmt::format_to(std::back_inserter(out),
                   "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" "
                   "skipped=\"0\">\n",
                   xml_text(suite.name), suite.cases.size(), suite.count("failure"),
                   suite.count("error"));
    for (const TestCase& test : suite.cases) {
      fmt::format_to(std::back_inserter(out), "    <testcase name=\"{}\" classname=\"{}\"",
                     xml_text(test.name), xml_text(suite.name));
      if (!test.file.empty())
        fmt::format_to(std::back_inserter(out), " file=\"{}\"", xml_text(test.file));
      if (test.line > 0) fmt::format_to(std::back_inserter(out), " line=\"{}\"", test.line);
      if (test.outcome.empty()) {
        out += "/>\n";
        continue;
      }
      fmt::format_to(std::back_inserter(out),
                     ">\n      <{} message=\"{}\" type=\"{}\">{}</{}>\n    </testcase>\n",
                     test.outcome, xml_text(test.message), xml_text(test.type),
                     xml_text(test.details), test.outcome);
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  output_.write(out);
}

}  // namespace

std::unique_ptr<CiReport> make_ci_report(const Context& context) {
  switch (context.style.ci) {
    case CiFormat::github:
      return std::make_unique<GithubReport>(context);
    case CiFormat::junit:
      return std::make_unique<JunitReport>(context);
    case CiFormat::none:
      break;
  }
  return nullptr;
}

namespace {

struct Escape {
  char c;
  std::string_view as;
};

// text with each character of the table written as the table says.
std::string escaped(std::string_view text, std::span<const Escape> table) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto escape = std::ranges::find(table, c, &Escape::c);
    if (escape != table.end())
      out += escape->as;
    else
      out += c;
  }
  return out;
}

constexpr Escape kGithubMessage[] = {{'%', "%25"}, {'\r', "%0D"}, {'\n', "%0A"}};
constexpr Escape kGithubProperty[] = {
    {'%', "%25"}, {'\r', "%0D"}, {'\n', "%0A"}, {':', "%3A"}, {',', "%2C"}};
constexpr Escape kXml[] = {
    {'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}, {'\'', "&apos;"}};

}  // namespace

std::string github_message(std::string_view text) {
  return escaped(text, kGithubMessage);
}

std::string github_property(std::string_view text) {
  return escaped(text, kGithubProperty);
}

std::string xml_text(std::string_view text) {
  std::string out;
  for (char c : escaped(text, kXml)) {
    // No XML 1.0 document may hold a C0 control but tab and line ends.
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
      out += visible({&c, 1});
    else
      out += c;
  }
  return out;
}

}  // namespace dhcode
