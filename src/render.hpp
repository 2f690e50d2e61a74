// Turning explanations into text for people and JSON for scripts.
//
// Text may be coloured; JSON never is. Both carry the same facts. The JSON
// keys are documented in docs/json.md and are part of the interface.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "context.hpp"
#include "explanation.hpp"
#include "response.hpp"

namespace dhcode {

// A block of lines ending in a newline, e.g.
//   400010002  System busy.
//     Action:   Please retry later.
//     ...
// What came with a code that was read from a response rather than typed.
struct ResponseContext {
  const Response& response;
  Origin origin;
};

// with_notes adds what to check (notes_for), each with its source.
std::string render_text(const Explanation& explanation, bool color,
                        const ResponseContext* from = nullptr, bool with_notes = false,
                        Language language = Language::en);

// One object with every key present; facts that are not documented are null,
// and so are message, request_id, file and line for a typed code.
// description, action and source follow the language, and "lang" says which.
nlohmann::ordered_json render_json(const Explanation& explanation,
                                   const ResponseContext* from = nullptr, bool with_notes = false,
                                   Language language = Language::en);

// One line, for following a log: time (or -), place (or -), code, category
// and description, e.g.
//   2026-03-20T10:00:01Z  api.log:2  400000008  limit  Digital Human video ...
std::string render_short_text(const Explanation& explanation, bool color,
                              const ResponseContext* from, Language language = Language::en);
// The same as one JSON object (docs/json.md, "explain --short").
nlohmann::ordered_json render_short_json(const Explanation& explanation,
                                         const ResponseContext* from,
                                         Language language = Language::en);

// An entry as `dhcode list --json` prints it, which is also the format of a
// team registry overlay (overlay.hpp).
nlohmann::ordered_json render_entry_json(const Entry& entry, Language language = Language::en);

// An entry's description as text output shows it: made visible, and marked
// when it is not in the language asked for (a team's code given in one).
std::string shown_description(const Entry& entry, Language language);

// Whether a retry can help, as explain's Retry line says it (uncoloured).
std::string retry_advice(const Entry& entry, Language language);

// The retry column of a table: yes, no, n/d where the sources do not say
// (gateway codes), - for success, ? for a code not in the registry (null).
std::string_view retry_column(const Entry* entry, Language language = Language::en);

// A table of entries, one a line: code, category, retry, status, description
// (and the overlay file, for entries a team overlay added or annotated).
std::string render_entry_table(const std::vector<const Entry*>& entries, bool color,
                               Language language = Language::en);

// One line of JSON, ASCII only: RFC 8259 escaping, and every other character
// as \uXXXX too, so that no server text reaches a terminal raw even in JSON.
// Bytes that are not UTF-8 become U+FFFD.
std::string json_line(const nlohmann::ordered_json& value);

class CiReport;

// Prints explanations one after another, text blocks separated by a blank
// line, JSON one object per line; or hands them to the CI report --format
// asked for, with the problems met on the way (ci_report.hpp).
class ExplanationPrinter {
 public:
  // short_form: one line a response (render_short_text).
  explicit ExplanationPrinter(Context& context, bool notes = false, bool short_form = false);
  ~ExplanationPrinter();
  void print(const Explanation& explanation, const ResponseContext* from = nullptr);
  // A callback the service sent (render_task.hpp).
  void callback(const TaskReport& callback, const Origin& origin);
  // An input or record that could not be read (origin.name empty: an
  // argument), already reported on stderr: a CI report holds it too.
  void problem(const Origin& origin, std::string_view why);
  // Everything was printed: a JUnit document is written now.
  void finish();
  // A CI report is made of every response, not only of those a command
  // shows.
  bool reports_every_response() const { return ci_ != nullptr; }

 private:
  Output& output_;
  Style style_;
  Language language_;
  bool notes_;
  bool short_form_;
  bool first_ = true;
  std::unique_ptr<CiReport> ci_;
};

}  // namespace dhcode
