#include "overlay.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>
#include <vector>

#include "json_syntax.hpp"
#include "language.hpp"
#include "line_reader.hpp"
#include "record_splitter.hpp"
#include "safe_text.hpp"

namespace dhcode {
namespace {

using nlohmann::json;

constexpr std::array kKnownKeys = {
    "code",    "description", "action", "category", "retryable", "status",         "source",
    "earlier", "runbook",     "note",   "overlay",  "lang",      "description_zh", "action_zh"};

// Problems found in one line; the column is where the key stands in it.
struct LineProblem {
  std::string key;
  std::string why;
};

bool is_text_or_null(const json& value) {
  return value.is_string() || value.is_null();
}

std::string text_of(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Checks one entry and turns it into an Entry whose texts the registry keeps.
std::optional<LineProblem> read_entry(const json& object, const std::string& file,
                                      Registry& registry, Entry& entry) {
  if (!object.is_object()) return LineProblem{"", "an entry must be a JSON object"};
  for (const auto& [key, value] : object.items())
    if (std::ranges::find(kKnownKeys, key) == kKnownKeys.end())
      return LineProblem{key, fmt::format("unknown key \"{}\"", visible(key))};

  auto code = object.find("code");
  if (code == object.end()) return LineProblem{"", "no \"code\" key"};
  if (!code->is_number_integer() || code->get<std::int64_t>() < 0 ||
      code->get<std::int64_t>() > kLargestCode)
    return LineProblem{"code",
                       fmt::format("\"code\" must be a whole number from 0 to {}", kLargestCode)};
  for (const char* key : {"description", "action", "runbook", "note", "status", "source", "earlier",
                          "overlay", "category", "lang", "description_zh", "action_zh"})
    if (object.contains(key) && !is_text_or_null(object[key]))
      return LineProblem{key, fmt::format("\"{}\" must be a string or null", key)};
  if (object.contains("retryable") && !object["retryable"].is_boolean() &&
      !object["retryable"].is_null())
    return LineProblem{"retryable", "\"retryable\" must be true, false or null"};
  std::optional<Category> category;
  if (auto name = text_of(object, "category"); !name.empty()) {
    category = category_named(name);
    if (!category)
      return LineProblem{"category", fmt::format("unknown category \"{}\"", visible(name))};
  }

  // "lang": "zh" (as `dhcode --lang zh list --json` writes) means that
  // description and action are the Chinese texts.
  std::string lang = text_of(object, "lang");
  if (!lang.empty() && !language_named(lang))
    return LineProblem{"lang", "\"lang\" must be \"en\" or \"zh\""};
  bool chinese = lang == "zh";
  const char* description_key_zh = chinese ? "description" : "description_zh";
  const char* action_key_zh = chinese ? "action" : "action_zh";

  Code number = static_cast<Code>(code->get<std::int64_t>());
  if (const Entry* documented = find_builtin_entry(number)) {
    // The documented facts stay as documented: a team may only add to them.
    auto differs = [&](const char* key, const json& documented_value) {
      return object.contains(key) && !object[key].is_null() && object[key] != documented_value;
    };
    const ChineseText* zh = find_chinese_text(number);
    std::vector<std::pair<const char*, json>> facts = {
        {"category", json(name_of(documented->category))},
        {"retryable", json(documented->retryable)},
        {description_key_zh, json(zh->description)},
        {action_key_zh, json(zh->action)}};
    if (!chinese) {
      facts.push_back({"description", json(documented->description)});
      facts.push_back({"action", json(documented->action)});
    }
    for (const auto& [key, value] : facts)
      if (differs(key, value))
        return LineProblem{key, fmt::format("{} is documented; an overlay may add \"runbook\" and "
                                            "\"note\" to it but not change \"{}\"",
                                            number, key)};
    entry = *registry.find(number);
  } else {
    if (text_of(object, "description").empty() && text_of(object, "description_zh").empty())
      return LineProblem{"description",
                         fmt::format("{} is a new code: it needs a \"description\"", number)};
    if (!category)
      return LineProblem{"category",
                         fmt::format("{} is a new code: it needs a \"category\"", number)};
    if (!object.contains("retryable") || !object["retryable"].is_boolean())
      return LineProblem{
          "retryable",
          fmt::format("{} is a new code: it needs \"retryable\", true or false", number)};
    entry = Entry{number,
                  registry.keep(chinese ? "" : text_of(object, "description")),
                  registry.keep(chinese ? "" : text_of(object, "action")),
                  *category,
                  object["retryable"].get<bool>(),
                  Status::team};
    entry.description_zh = registry.keep(text_of(object, description_key_zh));
    entry.action_zh = registry.keep(text_of(object, action_key_zh));
  }
  if (object.contains("runbook")) entry.runbook = registry.keep(text_of(object, "runbook"));
  if (object.contains("note")) entry.note = registry.keep(text_of(object, "note"));
  entry.overlay = registry.keep(file);
  return std::nullopt;
}

std::size_t column_of(const std::string& line, const std::string& key) {
  if (key.empty()) return 1;
  std::size_t at = line.find("\"" + key + "\"");
  return at == std::string::npos ? 1 : at + 1;
}

}  // namespace

std::string OverlayError::message() const {
  if (line == 0) return fmt::format("{}: {}", visible(file), why);
  return fmt::format("{}:{}:{}: {}", visible(file), line, column, why);
}

namespace {

// Takes the entries of one file as the record splitter finds them: one a
// line, pretty-printed over lines, or the elements of a JSON array. Stops at
// the first problem; nothing reaches the registry before the whole file is
// read (all or nothing).
class OverlayReader : public RecordSink {
 public:
  OverlayReader(const std::string& path, Registry& registry) : path_(path), registry_(registry) {}

  bool record(const Record& record, bool guess) override {
    if (error) return true;
    json object;
    try {
      object = json::parse(record.json);
    } catch (const json::parse_error& problem) {  // turned into a value at once
      if (guess) return false;                    // the splitter looks closer
      fail(record, problem.byte > 0 ? problem.byte - 1 : 0, "invalid JSON");
      return true;
    } catch (const json::exception&) {  // a number too large for any type (1E999)
      fail(record, 0, "invalid JSON: a number out of range");
      return true;
    }
    if (record.in_text) {
      fail(record, 0, "text before an entry: an overlay holds JSON entries only");
      return true;
    }
    take(record, object);
    return true;
  }
  void problem(std::size_t line, std::string_view why) override {
    if (!error) error = OverlayError{path_, line, 1, std::string(why)};
  }
  void incomplete(const Record& so_far, std::string_view why) override {
    if (error) return;
    // A problem before the end says better why the entry never ended.
    std::string_view text = so_far.json.substr(0, so_far.json.find_last_not_of(" \t\r\n") + 1);
    JsonSyntax syntax = check_json(text);
    if (syntax.problem)  // where it goes wrong, or where the text ends too early
      fail(so_far, syntax.problem->offset, fmt::format("invalid JSON: {}", syntax.problem->why));
    else
      problem(so_far.line, why);
  }
  void other_line(std::size_t line) override {
    if (!current_line_blank) problem(line, "not a JSON entry");
  }

  bool current_line_blank = false;
  std::optional<OverlayError> error;
  std::vector<Entry> staged;

 private:
  void take(const Record& record, const json& object) {
    Entry entry{};
    std::string text(record.json);
    if (auto problem = read_entry(object, path_, registry_, entry)) {
      fail(record, column_of(text, problem->key) - 1, problem->why);
    } else if (!seen_.insert(entry.code).second) {
      fail(record, column_of(text, "code") - 1,
           fmt::format("{} appears twice in this file", entry.code));
    } else {
      staged.push_back(entry);
    }
  }
  // A problem at a byte of a record, told by line and column of the file.
  void fail(const Record& record, std::size_t offset, std::string why) {
    std::size_t column = record.column
                             ? record.column
                             : position_of(record.before, record.before.size(), 1, 1).column;
    TextPosition at = position_of(record.json, offset, record.line, column);
    error = OverlayError{path_, at.line, at.column, std::move(why)};
  }

  const std::string& path_;
  Registry& registry_;
  std::set<Code> seen_;
};

}  // namespace

std::optional<OverlayError> load_overlay(const std::string& path, Registry& registry) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return OverlayError{path, 0, 0, fmt::format("cannot read: {}", std::strerror(errno))};
  FdSource source(fd);
  LineReader reader(source);  // bounded lines; CR and byte order marks dropped
  OverlayReader overlay(path, registry);
  RecordSplitter splitter(overlay);
  Line line;
  while (!overlay.error && reader.next(line)) {
    overlay.current_line_blank =
        !line.too_long && line.text.find_first_not_of(" \t") == std::string_view::npos;
    splitter.line(line);
  }
  if (!overlay.error) splitter.end();
  std::optional<OverlayError> error = overlay.error;
  if (!error && source.error() != 0)
    error = OverlayError{path, 0, 0, fmt::format("cannot read: {}", std::strerror(source.error()))};
  ::close(fd);
  if (error) return error;
  for (const Entry& entry : overlay.staged) registry.put(entry);
  return std::nullopt;
}

std::vector<std::string> overlay_paths(const std::vector<std::string>& from_options) {
  std::vector<std::string> paths;
  std::string config_home;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    config_home = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home)
    config_home = std::string(home) + "/.config";
  if (!config_home.empty()) {
    std::string default_file = config_home + "/dhcode/registry.json";
    struct stat status;
    // Loaded when present. A file there that cannot be read is reported on
    // loading; a folder that cannot even be looked into (another user's
    // HOME) counts as no file.
    if (::stat(default_file.c_str(), &status) == 0) paths.push_back(default_file);
  }
  if (const char* list = std::getenv("DHCODE_REGISTRY"); list && *list) {
    std::string_view rest = list;
    while (!rest.empty()) {
      std::size_t colon = rest.find(':');
      std::string_view path = rest.substr(0, colon);
      if (!path.empty()) paths.emplace_back(path);
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  paths.insert(paths.end(), from_options.begin(), from_options.end());
  return paths;
}

}  // namespace dhcode
