#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "overlay.hpp"

using namespace dhcode;

namespace {

// A file with the given lines, removed at the end of the test.
struct TempOverlay {
  explicit TempOverlay(const std::string& text) {
    char name[] = "/tmp/dhcode-overlay-XXXXXX";
    int fd = mkstemp(name);
    REQUIRE(fd >= 0);
    close(fd);
    path = name;
    std::ofstream(path) << text;
  }
  ~TempOverlay() { std::remove(path.c_str()); }
  std::string path;
};

}  // namespace

TEST_SUITE_BEGIN("overlay");

TEST_CASE("load_overlay adds codes and annotates documented ones") {
  TempOverlay file(
      "{\"code\":400000008,\"runbook\":\"https://wiki.example/x\",\"note\":\"n\"}\n"
      "\n"
      "{\"code\":400010050,\"description\":\"Team code.\",\"category\":\"server\","
      "\"retryable\":true}\r\n");
  Registry registry;
  REQUIRE_FALSE(load_overlay(file.path, registry).has_value());
  const Entry* annotated = registry.find(400000008);
  CHECK(annotated->runbook == "https://wiki.example/x");
  CHECK(annotated->note == "n");
  CHECK(annotated->overlay == file.path);
  CHECK(annotated->description == find_builtin_entry(400000008)->description);
  const Entry* added = registry.find(400010050);
  REQUIRE(added != nullptr);
  CHECK(added->status == Status::team);
  CHECK(added->retryable);
  CHECK(added->action.empty());
}

TEST_CASE("load_overlay: a broken file loads nothing and says where") {
  auto error_of = [](const std::string& text, const std::string& first_line = "") {
    TempOverlay file(first_line + text);
    Registry registry;
    auto error = load_overlay(file.path, registry);
    REQUIRE(error.has_value());
    CHECK(registry.entries().data() == builtin_entries().data());  // nothing half-loaded
    CHECK(registry.find(400010050) == nullptr);
    error->file = "f";  // its name in the expectations, for the temporary path
    return error->message();
  };
  const std::string good =
      "{\"code\":400010050,\"description\":\"ok\",\"category\":\"server\",\"retryable\":true}\n";
  CHECK(error_of("{\"code\":1,", good) == "f:2:11: invalid JSON: the record ends inside an object");
  CHECK(error_of("[1]", good) == "f:2:1: an entry must be a JSON object");
  // Found by fuzzing: nlohmann throws out_of_range, not parse_error, for this.
  CHECK(error_of("9999999999E999-6", good) == "f:2:1: invalid JSON: a number out of range");
  CHECK(error_of("{\"code\":-1}", good) ==
        "f:2:2: \"code\" must be a whole number from 0 to 999999999");
  CHECK(error_of("{\"code\":\"5\"}", good) ==
        "f:2:2: \"code\" must be a whole number from 0 to 999999999");
  CHECK(error_of("{\"description\":\"x\"}", good) == "f:2:1: no \"code\" key");
  CHECK(error_of("{\"code\":7,\"colour\":1}", good) ==
        "f:2:11: unknown key \"colour\"; an entry's keys are code, description, action, "
        "category, retryable, status, source, earlier, runbook, note, overlay, lang, "
        "description_zh, action_zh, description_en, action_en");
  CHECK(error_of("{\"code\":7,\"descripton\":\"x\"}", good) ==
        "f:2:11: unknown key \"descripton\" (did you mean \"description\"?)");
  CHECK(error_of("{\"code\":7,\"description\":\"x\",\"category\":\"tts\",\"retryable\":true}") ==
        "f:1:29: unknown category \"tts\"; the categories are success, request, signature, "
        "account, resource, stream, content, speech, limit, server");
  CHECK(error_of("{\"code\":7,\"description\":\"x\",\"category\":\"serer\",\"retryable\":true}")
            .find("unknown category \"serer\" (did you mean \"server\"?); the categories are") !=
        std::string::npos);
  // null keeps a code the registry has as it is; a new code has nothing to keep.
  CHECK(error_of("{\"code\":7,\"description\":\"x\",\"category\":\"server\",\"retryable\":null}") ==
        "f:1:1: 7 is a new code: it needs \"retryable\" to be true or false (null keeps a code "
        "the registry has as it is)");
  // The reason and the place of the first wrong character, as a response gets them.
  CHECK(error_of("{\"code\":7 \"note\":\"x\"}") ==
        "f:1:11: invalid JSON: unexpected character '\"' where ',' or '}' was expected");
  CHECK(error_of(good.substr(0, good.size() - 1) + " x") ==
        "f:1:76: invalid JSON: unexpected text after the record");
  CHECK(error_of("{\"code\":7,\"note\":3}", good) == "f:2:11: \"note\" must be a string or null");
  // The English texts beside Chinese ones belong to a "lang": "zh" entry.
  CHECK(error_of("{\"code\":7,\"description\":\"x\",\"description_en\":\"y\"}") ==
        "f:1:29: \"description_en\" is for an entry with \"lang\": \"zh\"; without it, "
        "\"description\" is the English text");
  CHECK(error_of("{\"code\":7,\"description\":\"x\",\"category\":\"server\"}", good) ==
        "f:2:1: 7 is a new code: it needs \"retryable\" (true or false)");
  CHECK(error_of(good, good) == "f:2:2: 400010050 appears twice in this file");
  CHECK(error_of("{\"code\":0,\"retryable\":true}").find("may add \"runbook\" and \"note\"") !=
        std::string::npos);
  CHECK(error_of("{\"code\":7,\"note\":\"a\",\"note\":\"b\"}") ==
        "f:1:22: the key \"note\" appears twice in this entry");
  CHECK(error_of("{\"code\":7}") ==
        "f:1:1: 7 is a new code: it needs \"description\", \"category\" and \"retryable\" (true "
        "or false)");
}

TEST_CASE("load_overlay: a copy of documented facts annotates nothing; a stale text is kept out") {
  // `dhcode list --json > team.json` of an older dhcode: one text changed since.
  TempOverlay file(
      "{\"code\":400010002,\"description\":\"System busy (old wording).\",\"category\":\"server\","
      "\"retryable\":true}\n"
      "{\"code\":400010009,\"description\":\"API rate limit exceeded.\",\"retryable\":true}\n"
      "{\"code\":400000008,\"action\":\"old\",\"runbook\":\"https://wiki.example/c\"}\n");
  Registry registry;
  std::optional<OverlayError> stale;
  REQUIRE_FALSE(load_overlay(file.path, registry, &stale));
  REQUIRE(stale);
  CHECK(stale->line == 1);
  CHECK(stale->why.find("\"description\" of 400010002 is not the documented text") !=
        std::string::npos);
  CHECK(stale->why.find("(and 1 more in this file)") != std::string::npos);
  CHECK(registry.find(400010002)->description == "System busy.");  // the documented text
  CHECK(registry.find(400010002)->overlay.empty());                // and no mark
  CHECK(registry.find(400010009)->overlay.empty());
  CHECK(registry.find(400000008)->action == find_builtin_entry(400000008)->action);
  CHECK(registry.find(400000008)->runbook == "https://wiki.example/c");
  CHECK(registry.find(400000008)->overlay == file.path);
}

TEST_CASE("load_overlay: an entry annotated by several overlays names every file") {
  TempOverlay first("{\"code\":400000008,\"runbook\":\"https://wiki.example/c\"}\n");
  TempOverlay second("{\"code\":400000008,\"note\":\"ask the platform team\"}\n");
  Registry registry;
  REQUIRE_FALSE(load_overlay(first.path, registry));
  REQUIRE_FALSE(load_overlay(second.path, registry));
  CHECK(registry.find(400000008)->overlay == first.path + ", " + second.path);
  CHECK(registry.find(400000008)->runbook == "https://wiki.example/c");
  CHECK(registry.find(400000008)->note == "ask the platform team");
}

TEST_CASE("load_overlay: a JSON array of entries, and entries pretty-printed over lines") {
  TempOverlay file(R"([
  {"code": 400010050, "description": "Team gateway quota exhausted.",
   "category": "limit", "retryable": true},
  {
    "code": 400000008,
    "runbook": "https://wiki.example/concurrency"
  }
]
{"code": 400010051, "description": "Another.", "category": "server", "retryable": false}
)");
  Registry registry;
  REQUIRE_FALSE(load_overlay(file.path, registry));
  REQUIRE(registry.find(400010050) != nullptr);
  CHECK(registry.find(400010050)->description == "Team gateway quota exhausted.");
  CHECK(registry.find(400000008)->runbook == "https://wiki.example/concurrency");
  CHECK(registry.find(400010051) != nullptr);
  // Problems in an array's entries are told at the entry's own line.
  TempOverlay broken("[\n  {\"code\": 7},\n  {\"code\": 8, \"colour\": 1}\n]\n");
  Registry untouched;
  auto error = load_overlay(broken.path, untouched);
  REQUIRE(error);
  CHECK(error->line == 2);  // 7 is a new code without a description
  CHECK(error->why.find("needs \"description\"") != std::string::npos);
}

TEST_CASE("load_overlay: a file that cannot be read") {
  Registry registry;
  auto error = load_overlay("/nonexistent/registry.json", registry);
  REQUIRE(error.has_value());
  CHECK(error->message() == "/nonexistent/registry.json: cannot read: No such file or directory");
}

TEST_CASE("overlay_paths: the default file if present, DHCODE_REGISTRY, then options") {
  setenv("XDG_CONFIG_HOME", "/nonexistent-config", 1);
  setenv("DHCODE_REGISTRY", "a.json::b.json", 1);
  CHECK(overlay_paths({"c.json"}) == std::vector<std::string>{"a.json", "b.json", "c.json"});
  unsetenv("DHCODE_REGISTRY");
  char dir[] = "/tmp/dhcode-config-XXXXXX";
  REQUIRE(mkdtemp(dir) != nullptr);
  std::string config = std::string(dir) + "/dhcode";
  REQUIRE(mkdir(config.c_str(), 0700) == 0);
  std::ofstream(config + "/registry.json") << "";
  setenv("XDG_CONFIG_HOME", dir, 1);
  CHECK(overlay_paths({}) == std::vector<std::string>{config + "/registry.json"});
  std::remove((config + "/registry.json").c_str());
  rmdir(config.c_str());
  rmdir(dir);
  unsetenv("XDG_CONFIG_HOME");
}

TEST_SUITE_END();
