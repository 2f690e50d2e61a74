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
#include "nearest_word.hpp"
#include "record_splitter.hpp"
#include "safe_text.hpp"

namespace dhcode {
namespace {

using nlohmann::json;

constexpr std::array kKnownKeys = {"code",           "description", "action",         "category",
                                   "retryable",      "status",      "source",         "earlier",
                                   "runbook",        "note",        "overlay",        "lang",
                                   "description_zh", "action_zh",   "description_en", "action_en"};

// Problems found in one line; the column is where the key stands in it.
struct LineProblem {
  std::string key;
  std::string why;
};

// 'unknown key "descripton" (did you mean "description"?)', or with the
// keys an entry may have when none is near.
std::string unknown_key(const std::string& key) {
  const std::vector<std::string> known(kKnownKeys.begin(), kKnownKeys.end());
  if (std::optional<std::string> near = nearest_word(key, known))
    return fmt::format("unknown key \"{}\" (did you mean \"{}\"?)", visible(key), *near);
  return fmt::format("unknown key \"{}\"; an entry's keys are {}", visible(key),
                     fmt::join(known, ", "));
}

std::string unknown_category(const std::string& name) {
  const std::vector<std::string> names = names_of_all<Category, kCategoryCount>();
  std::string why = fmt::format("unknown category \"{}\"", visible(name));
  if (std::optional<std::string> near = nearest_word(name, names))
    why += fmt::format(" (did you mean \"{}\"?)", *near);
  return why + fmt::format("; the categories are {}", fmt::join(names, ", "));
}

bool is_text_or_null(const json& value) {
  return value.is_string() || value.is_null();
}

std::string text_of(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Which keys hold which language's texts in one entry.
struct EntryKeys {
  bool chinese;  // "lang": "zh": description and action are the Chinese texts
  const char* description_zh() const { return chinese ? "description" : "description_zh"; }
  const char* action_zh() const { return chinese ? "action" : "action_zh"; }
  // The English texts beside Chinese ones, as `dhcode --lang zh list --json`
  // writes a team's code given in both languages.
  const char* description_en() const { return chinese ? "description_en" : "description"; }
  const char* action_en() const { return chinese ? "action_en" : "action"; }
};

// What reading an entry found besides a problem.
struct EntryRead {
  bool adds_nothing = false;         // it only repeats documented facts: no annotation
  std::optional<LineProblem> stale;  // a documented text it repeats differs (a stale copy)
};

// A documented code: the documented facts stay as documented, a team may
// only add a runbook or a note. Texts that differ are a stale copy (`dhcode
// list --json` of an older dhcode): warned about, the documented text kept.
// A different category or retryable is a real attempt to redefine: an error.
std::optional<LineProblem> read_documented(const json& object, Code number, EntryKeys keys,
                                           Registry& registry, Entry& entry, EntryRead& read) {
  const Entry* documented = find_builtin_entry(number);
  auto differs = [&](const char* key, const json& documented_value) {
    return object.contains(key) && !object[key].is_null() && object[key] != documented_value;
  };
  for (auto [key, value] : {std::pair{"category", json(name_of(documented->category))},
                            std::pair{"retryable", json(documented->retryable)}})
    if (differs(key, value))
      return LineProblem{key, fmt::format("{} is documented; an overlay may add \"runbook\" and "
                                          "\"note\" to it but not change \"{}\"",
                                          number, key)};
  const ChineseText* zh = find_chinese_text(number);
  std::vector<std::pair<const char*, json>> texts = {{keys.description_zh(), json(zh->description)},
                                                     {keys.action_zh(), json(zh->action)}};
  texts.push_back({keys.description_en(), json(documented->description)});
  texts.push_back({keys.action_en(), json(documented->action)});
  for (const auto& [key, value] : texts)
    if (differs(key, value) && !read.stale)
      read.stale = LineProblem{key, fmt::format("\"{}\" of {} is not the documented text (a "
                                                "stale copy?); the documented text is kept",
                                                key, number)};
  auto given = [&](const char* key) { return object.contains(key) && !object[key].is_null(); };
  read.adds_nothing = !given("runbook") && !given("note");
  entry = *registry.find(number);
  return std::nullopt;
}

// A team's own code: it needs a description (in either language), a
// category and retryable; every one missing is named.
std::optional<LineProblem> read_new(const json& object, Code number, EntryKeys keys,
                                    std::optional<Category> category, Registry& registry,
                                    Entry& entry) {
  std::vector<std::string> missing;
  if (text_of(object, keys.description_en()).empty() &&
      text_of(object, keys.description_zh()).empty())
    missing.push_back("\"description\"");
  if (!category) missing.push_back("\"category\"");
  if (!object.contains("retryable") || !object["retryable"].is_boolean())
    missing.push_back(object.contains("retryable")  // null: kept as it is, but there is nothing
                          ? "\"retryable\" to be true or false (null keeps a code the "
                            "registry has as it is)"
                          : "\"retryable\" (true or false)");
  if (!missing.empty()) {
    std::string list =
        missing.size() == 1
            ? missing[0]
            : fmt::format("{} and {}", fmt::join(missing.begin(), missing.end() - 1, ", "),
                          missing.back());
    return LineProblem{missing.size() == 1 && missing[0] == "\"category\"" ? "category" : "",
                       fmt::format("{} is a new code: it needs {}", number, list)};
  }
  entry = Entry{number,
                registry.keep(text_of(object, keys.description_en())),
                registry.keep(text_of(object, keys.action_en())),
                *category,
                object["retryable"].get<bool>(),
                Status::team};
  entry.description_zh = registry.keep(text_of(object, keys.description_zh()));
  entry.action_zh = registry.keep(text_of(object, keys.action_zh()));
  return std::nullopt;
}

// Checks one entry and turns it into an Entry whose texts the registry keeps.
std::optional<LineProblem> read_entry(const json& object, const std::string& file,
                                      Registry& registry, Entry& entry, EntryRead& read) {
  if (!object.is_object()) return LineProblem{"", "an entry must be a JSON object"};
  for (const auto& [key, value] : object.items())
    if (std::ranges::find(kKnownKeys, key) == kKnownKeys.end())
      return LineProblem{key, unknown_key(key)};

  auto code = object.find("code");
  if (code == object.end()) return LineProblem{"", "no \"code\" key"};
  if (!code->is_number_integer() || code->get<std::int64_t>() < 0 ||
      code->get<std::int64_t>() > kLargestCode)
    return LineProblem{"code",
                       fmt::format("\"code\" must be a whole number from 0 to {}", kLargestCode)};
  // Every other key but retryable holds text (or null).
  for (std::string_view key : kKnownKeys)
    if (key != "code" && key != "retryable" && object.contains(key) &&
        !is_text_or_null(object[key]))
      return LineProblem{std::string(key), fmt::format("\"{}\" must be a string or null", key)};
  if (object.contains("retryable") && !object["retryable"].is_boolean() &&
      !object["retryable"].is_null())
    return LineProblem{"retryable", "\"retryable\" must be true, false or null"};
  std::optional<Category> category;
  if (auto name = text_of(object, "category"); !name.empty()) {
    category = category_named(name);
    if (!category) return LineProblem{"category", unknown_category(name)};
  }

  // "lang": "zh" (as `dhcode --lang zh list --json` writes) means that
  // description and action are the Chinese texts.
  std::string lang = text_of(object, "lang");
  if (!lang.empty() && !language_named(lang))
    return LineProblem{"lang", "\"lang\" must be \"en\" or \"zh\""};
  EntryKeys keys{lang == "zh"};
  // The English texts have their own keys only beside the Chinese ones.
  for (const char* key : {"description_en", "action_en"})
    if (!keys.chinese && object.contains(key) && !object[key].is_null())
      return LineProblem{
          key, fmt::format("\"{}\" is for an entry with \"lang\": \"zh\"; without "
                           "it, \"{}\" is the English text",
                           key, std::string_view(key).substr(0, std::string_view(key).size() - 3))};
  // With "lang": "zh", description and action are the Chinese texts: a
  // description_zh beside them would be a second Chinese text, one of
  // them dropped.
  for (const char* key : {"description_zh", "action_zh"})
    if (keys.chinese && object.contains(key) && !object[key].is_null())
      return LineProblem{
          key, fmt::format("\"{}\" beside \"lang\": \"zh\", which makes \"{}\" the Chinese "
                           "text already; give it once",
                           key, std::string_view(key).substr(0, std::string_view(key).size() - 3))};
  Code number = static_cast<Code>(code->get<std::int64_t>());
  std::optional<LineProblem> problem =
      find_builtin_entry(number) ? read_documented(object, number, keys, registry, entry, read)
                                 : read_new(object, number, keys, category, registry, entry);
  if (problem || read.adds_nothing) return problem;
  if (object.contains("runbook")) entry.runbook = registry.keep(text_of(object, "runbook"));
  if (object.contains("note")) entry.note = registry.keep(text_of(object, "note"));
  // Every file that contributed, in the order they were loaded.
  entry.overlay = registry.keep(entry.overlay.empty() || entry.overlay == file
                                    ? file
                                    : fmt::format("{}, {}", entry.overlay, file));
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

std::string OverlayError::message_from(std::string_view from) const {
  if (line == 0) return fmt::format("registry overlay {} (from {}): {}", visible(file), from, why);
  return fmt::format("{} (registry overlay from {})", message(), from);
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
    std::set<std::string> keys;
    std::string twice;  // the first key an entry has twice (JSON parsers keep the last quietly)
    json::parser_callback_t note_keys = [&](int depth, json::parse_event_t event, json& parsed) {
      if (event == json::parse_event_t::key && depth == 1 &&
          !keys.insert(parsed.get<std::string>()).second && twice.empty())
        twice = parsed.get<std::string>();
      return true;
    };
    try {
      object = json::parse(record.json, note_keys);
    } catch (const json::parse_error& problem) {  // turned into a value at once
      if (guess) return false;                    // the splitter looks closer
      invalid(record, problem.byte > 0 ? problem.byte - 1 : 0);
      return true;
    } catch (const json::exception&) {  // a number too large for any type (1E999)
      fail(record, 0, "invalid JSON: a number out of range");
      return true;
    }
    if (record.in_text) {
      fail(record, 0, "text before an entry: an overlay holds JSON entries only");
      return true;
    }
    if (!twice.empty()) {
      fail(record, std::string(record.json).rfind("\"" + twice + "\""),
           fmt::format("the key \"{}\" appears twice in this entry", visible(twice)));
      return true;
    }
    take(record, object);
    return true;
  }
  void problem(std::size_t line, std::size_t column, std::string_view why) override {
    if (!error) error = OverlayError{path_, line, column == 0 ? 1 : column, std::string(why)};
  }
  void incomplete(const Record& so_far, std::string_view why) override {
    if (error) return;
    // A problem before the end says better why the entry never ended.
    std::string_view text = so_far.json.substr(0, so_far.json.find_last_not_of(" \t\r\n") + 1);
    JsonSyntax syntax = check_json(text);
    if (syntax.problem)  // where it goes wrong, or where the text ends too early
      fail(so_far, syntax.problem->offset, fmt::format("invalid JSON: {}", syntax.problem->why));
    else
      problem(so_far.line, 0, why);
  }
  // Where and why a record is not JSON, as a response's record would be
  // told; the parser's own place when the checker finds nothing.
  void invalid(const Record& record, std::size_t parser_offset) {
    JsonSyntax syntax = check_json(record.json);
    if (syntax.problem)
      fail(record, syntax.problem->offset, fmt::format("invalid JSON: {}", syntax.problem->why));
    else
      fail(record, parser_offset, "invalid JSON");
  }
  void other_line(std::size_t line, std::string_view) override {
    if (!current_line_blank) problem(line, 0, "not a JSON entry");
  }

  bool current_line_blank = false;
  std::optional<OverlayError> error;
  std::vector<Entry> staged;
  std::optional<OverlayError> stale;  // the first documented text that differs
  std::size_t stale_count = 0;

 private:
  void take(const Record& record, const json& object) {
    Entry entry{};
    EntryRead read;
    std::string text(record.json);
    if (auto problem = read_entry(object, path_, registry_, entry, read)) {
      fail(record, column_of(text, problem->key) - 1, problem->why);
      return;
    }
    if (!seen_.insert(entry.code).second) {
      fail(record, column_of(text, "code") - 1,
           fmt::format("{} appears twice in this file", entry.code));
      return;
    }
    if (read.stale && stale_count++ == 0)
      stale = at(record, column_of(text, read.stale->key) - 1, read.stale->why);
    if (!read.adds_nothing) staged.push_back(entry);
  }
  OverlayError at(const Record& record, std::size_t offset, std::string why) const {
    TextPosition position = position_in(record, offset);
    return OverlayError{path_, position.line, position.column, std::move(why)};
  }

  // A problem at a byte of a record, told by line and column of the file.
  void fail(const Record& record, std::size_t offset, std::string why) {
    error = at(record, offset, std::move(why));
  }

  const std::string& path_;
  Registry& registry_;
  std::set<Code> seen_;
};

}  // namespace

std::optional<OverlayError> load_overlay(const std::string& path, Registry& registry,
                                         std::optional<OverlayError>* stale) {
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
  if (stale && overlay.stale) {
    *stale = overlay.stale;
    if (overlay.stale_count > 1)
      (*stale)->why += fmt::format(" (and {} more in this file)", overlay.stale_count - 1);
  }
  return std::nullopt;
}

std::vector<OverlayFile> overlay_files(const std::vector<std::string>& from_options) {
  std::vector<OverlayFile> files;
  std::string config_home;
  std::string_view named_as;  // as the message names where it came from
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
    config_home = xdg;
    named_as = "$XDG_CONFIG_HOME/dhcode/registry.json";
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    config_home = std::string(home) + "/.config";
    named_as = "~/.config/dhcode/registry.json";
  }
  if (!config_home.empty()) {
    std::string default_file = config_home + "/dhcode/registry.json";
    struct stat status;
    // Loaded when present. A file there that cannot be read is reported on
    // loading; a folder that cannot even be looked into (another user's
    // HOME) counts as no file.
    if (::stat(default_file.c_str(), &status) == 0) files.push_back({default_file, named_as});
  }
  if (const char* list = std::getenv("DHCODE_REGISTRY"); list && *list) {
    std::string_view rest = list;
    while (!rest.empty()) {
      std::size_t colon = rest.find(':');
      std::string_view path = rest.substr(0, colon);
      if (!path.empty()) files.push_back({std::string(path), "DHCODE_REGISTRY"});
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  for (const std::string& path : from_options) files.push_back({path, "--registry"});
  return files;
}

std::vector<std::string> overlay_paths(const std::vector<std::string>& from_options) {
  std::vector<std::string> paths;
  for (OverlayFile& file : overlay_files(from_options)) paths.push_back(std::move(file.path));
  return paths;
}

}  // namespace dhcode
