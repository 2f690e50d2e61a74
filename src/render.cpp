#include "render.hpp"

#include <fmt/color.h>
#include <fmt/format.h>

#include "ci_report.hpp"
#include "render_parts.hpp"
#include "render_task.hpp"
#include "safe_text.hpp"
#include "text_width.hpp"
#include "words.hpp"

namespace dhcode {
namespace {

// A block of labelled lines in one language, coloured or not.
struct Block {
  std::string out;
  bool color;
  const Words& words;
  Language language;

  // "  Action:    text": the labels' column is 10 terminal cells wide.
  void line(std::string_view label, std::string_view value) {
    append_labelled_line(out, label, value, color, language);
  }
};

std::string retry_text(const Entry& entry, const Block& block) {
  const Words& w = block.words;
  if (entry.code == 0) return std::string(w.retry_not_needed);
  // The common-codes table says nothing of retrying: retryable is false for
  // scripts, but the text does not claim more than the sources.
  if (entry.status == Status::gateway) return std::string(w.retry_not_documented);
  if (entry.retryable)
    return paint(w.yes, fg(fmt::terminal_color::green), block.color) + std::string(w.yes_tail);
  return paint(w.no, fg(fmt::terminal_color::red), block.color) + std::string(w.no_tail);
}

std::string range_text(const Range* range, const Words& words, Language language) {
  if (!range) return std::string(words.no_range);
  return fmt::format("{}: {}{}", range->pattern, holds_in(*range, language), words.grouping);
}

// The server's own words come first: they are often more specific than the
// registry's (for 400000001 the Message names the bad parameter).
void add_server_lines(Block& block, const ResponseContext* from) {
  if (!from) return;
  if (from->response.message) block.line(block.words.message, visible(*from->response.message));
  if (from->response.request_id)
    block.line(block.words.request_id, visible(*from->response.request_id));
  if (from->response.time) block.line(block.words.time, visible(*from->response.time));
  block.out += render_task_lines(from->response.tasks, block.color, block.language);
}

// What a team's overlay says. Overlay files are not dhcode's: their text is
// shown as untrusted too.
void add_overlay_lines(Block& block, const Entry& entry) {
  if (!entry.runbook.empty()) block.line(block.words.runbook, visible(entry.runbook));
  if (!entry.note.empty()) block.line(block.words.note, visible(entry.note));
  if (!entry.overlay.empty()) block.line(block.words.overlay, visible(entry.overlay));
}

void add_notes(Block& block, Code code) {
  for (const Note& note : notes_for(code))
    block.line(block.words.check,
               say(block.language, "{} (source: {})", "{}（来源：{}）",
                   text_in(note, block.language), source_in(note, block.language)));
}

// "  Similar:   400000008 (...)", the others under the first in its column.
void add_suggestions(Block& block, const Explanation& explanation) {
  bool first = true;
  for (const Entry* entry : explanation.did_you_mean) {
    std::string text =
        fmt::format("{} ({})", entry->code, visible(description_in(*entry, block.language)));
    if (first)
      block.line(block.words.did_you_mean, text);
    else
      fmt::format_to(std::back_inserter(block.out), "  {:10} {}\n", "", text);
    first = false;
  }
}

void add_origin_line(Block& block, const ResponseContext* from) {
  if (from)
    block.line(block.words.from,
               fmt::format("{}:{}", visible(from->origin.name), from->origin.line));
}

std::string unknown_code_text(const Explanation& explanation, const std::string& code,
                              const ResponseContext* from, Block& block) {
  const Words& w = block.words;
  fmt::format_to(std::back_inserter(block.out), "{}  {}\n", code,
                 paint(w.not_in_registry, fg(fmt::terminal_color::yellow), block.color));
  add_server_lines(block, from);
  block.line(w.range, range_text(explanation.range, w, block.language));
  block.line(w.meaning, w.not_documented);
  block.line(w.retry, w.not_documented);
  add_suggestions(block, explanation);
  add_origin_line(block, from);
  return std::move(block.out);
}

}  // namespace

std::string shown_description(const Entry& entry, Language language) {
  std::string text = visible(description_in(entry, language));
  if (language_shown(entry, language) != language)
    text += say(language, " (given in Chinese only)", "（只有英文）");
  return text;
}

std::string render_text(const Explanation& explanation, bool color, const ResponseContext* from,
                        bool with_notes, Language language) {
  Block block{{}, color, words_for(language), language};
  const Words& w = block.words;
  std::string code = paint(fmt::format("{}", explanation.code), fmt::emphasis::bold, color);
  const Entry* entry = explanation.entry;
  if (!entry) return unknown_code_text(explanation, code, from, block);
  fmt::format_to(std::back_inserter(block.out), "{}  {}\n", code,
                 shown_description(*entry, language));
  add_server_lines(block, from);
  std::string_view action = action_in(*entry, language);
  block.line(w.action, action.empty() ? w.not_documented : visible(action));
  block.line(w.category, name_of(entry->category));
  block.line(w.retry, retry_text(*entry, block));
  std::string status(w.status_meanings[static_cast<std::size_t>(entry->status)]);
  block.line(w.status, entry->status == Status::legacy
                           ? paint(status, fg(fmt::terminal_color::yellow), color)
                           : status);
  if (!entry->earlier.empty()) block.line(w.earlier, earlier_in(*entry, language));
  block.line(w.source, source_of(entry->status, language));
  add_overlay_lines(block, *entry);
  if (with_notes) add_notes(block, entry->code);
  add_origin_line(block, from);
  return std::move(block.out);
}

namespace {

// The keys an entry has in every output, null where the entry is missing.
void add_entry_keys(nlohmann::ordered_json& out, const Entry* entry, Language language) {
  out["description"] = entry ? text_or_null(description_in(*entry, language)) : nullptr;
  out["action"] = entry ? text_or_null(action_in(*entry, language)) : nullptr;
  out["category"] = entry ? text_or_null(name_of(entry->category)) : nullptr;
  out["retryable"] = entry ? nlohmann::ordered_json(entry->retryable) : nullptr;
  out["status"] = entry ? text_or_null(name_of(entry->status)) : nullptr;
  out["source"] = entry ? text_or_null(source_of(entry->status, language)) : nullptr;
  out["earlier"] = entry ? text_or_null(earlier_in(*entry, language)) : nullptr;
  out["runbook"] = entry ? text_or_null(entry->runbook) : nullptr;
  out["note"] = entry ? text_or_null(entry->note) : nullptr;
  out["overlay"] = entry ? text_or_null(entry->overlay) : nullptr;
}

}  // namespace

nlohmann::ordered_json render_entry_json(const Entry& entry, Language language) {
  nlohmann::ordered_json out;
  out["code"] = entry.code;
  add_entry_keys(out, &entry, language);
  // Which language description and action are in.
  Language shown = language_shown(entry, language);
  out["lang"] = name_of(shown);
  // A team's code given in both languages keeps both, so that an overlay
  // made from this output loses neither.
  if (entry.status == Status::team) {
    Language other = shown == Language::zh ? Language::en : Language::zh;
    std::string_view suffix = other == Language::zh ? "_zh" : "_en";
    if (language_shown(entry, other) == other) {
      out["description" + std::string(suffix)] = text_or_null(description_in(entry, other));
      out["action" + std::string(suffix)] = text_or_null(action_in(entry, other));
    }
  }
  return out;
}

nlohmann::ordered_json render_json(const Explanation& explanation, const ResponseContext* from,
                                   bool with_notes, Language language) {
  const Entry* entry = explanation.entry;
  const Range* range = explanation.range;
  nlohmann::ordered_json out;
  out["code"] = explanation.code;
  out["known"] = entry != nullptr;
  add_entry_keys(out, entry, language);
  out["range"] = range ? text_or_null(range->pattern) : nullptr;
  out["range_holds"] = range ? text_or_null(holds_in(*range, language)) : nullptr;
  out["did_you_mean"] = nlohmann::ordered_json::array();
  for (const Entry* entry : explanation.did_you_mean) out["did_you_mean"].push_back(entry->code);
  out["notes"] = nlohmann::ordered_json::array();
  if (entry && with_notes)
    for (const Note& note : notes_for(entry->code))
      out["notes"].push_back(
          {{"text", text_in(note, language)}, {"source", source_in(note, language)}});
  auto optional_text = [](const std::optional<std::string>& text) -> nlohmann::ordered_json {
    if (!text) return nullptr;
    return *text;
  };
  out["message"] = from ? optional_text(from->response.message) : nullptr;
  out["request_id"] = from ? optional_text(from->response.request_id) : nullptr;
  out["file"] = from ? nlohmann::ordered_json(std::string(from->origin.name)) : nullptr;
  out["line"] = from ? nlohmann::ordered_json(from->origin.line) : nullptr;
  out["time"] = from ? optional_text(from->response.time) : nullptr;
  // Which texts held bytes that are not UTF-8 (shown above as U+FFFD).
  out["not_utf8"] = nlohmann::ordered_json::array();
  if (from && from->response.message && !is_utf8(*from->response.message))
    out["not_utf8"].push_back("message");
  if (from && from->response.request_id && !is_utf8(*from->response.request_id))
    out["not_utf8"].push_back("request_id");
  out["tasks"] =
      from ? render_tasks_json(from->response.tasks, language) : nlohmann::ordered_json::array();
  // Which language description and action are in (and source, range_holds
  // and notes, which follow the language asked for).
  out["lang"] = name_of(entry ? language_shown(*entry, language) : language);
  return out;
}

std::string render_short_text(const Explanation& explanation, bool color,
                              const ResponseContext* from, Language language) {
  const Entry* entry = explanation.entry;
  std::string time = from && from->response.time ? visible(*from->response.time) : "-";
  std::string place =
      from ? fmt::format("{}:{}", visible(from->origin.name), from->origin.line) : "-";
  std::string description = entry ? shown_description(*entry, language)
                                  : std::string(words_for(language).not_in_registry);
  return fmt::format("{}  {}  {}  {}  {}\n", time, place,
                     paint(fmt::format("{}", explanation.code), fmt::emphasis::bold, color),
                     entry ? name_of(entry->category) : "-", description);
}

nlohmann::ordered_json render_short_json(const Explanation& explanation,
                                         const ResponseContext* from, Language language) {
  const Entry* entry = explanation.entry;
  nlohmann::ordered_json out;
  out["time"] =
      from && from->response.time ? nlohmann::ordered_json(*from->response.time) : nullptr;
  out["file"] = from ? nlohmann::ordered_json(std::string(from->origin.name)) : nullptr;
  out["line"] = from ? nlohmann::ordered_json(from->origin.line) : nullptr;
  out["code"] = explanation.code;
  out["known"] = entry != nullptr;
  out["category"] = entry ? nlohmann::ordered_json(std::string(name_of(entry->category))) : nullptr;
  out["description"] =
      entry ? nlohmann::ordered_json(std::string(description_in(*entry, language))) : nullptr;
  out["lang"] = name_of(entry ? language_shown(*entry, language) : language);
  return out;
}

std::string retry_advice(const Entry& entry, Language language) {
  Block block{{}, false, words_for(language), language};
  return retry_text(entry, block);
}

std::string_view retry_column(const Entry* entry, Language language) {
  if (!entry) return "?";
  if (entry->code == 0) return "-";
  const Words& w = words_for(language);
  if (entry->status == Status::gateway) return w.retry_undocumented_cell;
  return entry->retryable ? w.retry_yes_cell : w.retry_no_cell;
}

std::string render_entry_table(const std::vector<const Entry*>& entries, bool color,
                               Language language) {
  const Words& w = words_for(language);
  // Columns are measured in terminal cells: Chinese headings take two a character.
  std::string out;
  std::string heading =
      fmt::format("{}  {}  {}  {}  {}", padded(w.code_heading, 9), padded(w.category_heading, 9),
                  padded(w.retry_heading, 5), padded(w.status_heading, 7), w.description_heading);
  out += paint(heading, fmt::emphasis::bold, color) + "\n";
  for (const Entry* entry : entries) {
    fmt::format_to(std::back_inserter(out), "{}  {}  {}  {}  {}",
                   padded(std::to_string(entry->code), 9), padded(name_of(entry->category), 9),
                   padded(retry_column(entry, language), 5), padded(name_of(entry->status), 7),
                   shown_description(*entry, language));
    if (!entry->overlay.empty())
      out += fmt::format(fmt::runtime(w.overlay_mark), visible(entry->overlay));
    out += '\n';
  }
  return out;
}

std::string json_line(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', true, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

ExplanationPrinter::ExplanationPrinter(Context& context, bool notes, bool short_form)
    : output_(context.output),
      style_(context.style),
      language_(context.language),
      notes_(notes),
      short_form_(short_form),
      ci_(make_ci_report(context)) {}

ExplanationPrinter::~ExplanationPrinter() = default;

void ExplanationPrinter::problem(const Origin& origin, std::string_view why) {
  if (ci_) ci_->problem(origin, why);
}

void ExplanationPrinter::finish() {
  if (ci_) ci_->finish();
}

void ExplanationPrinter::callback(const TaskReport& callback, const Origin& origin) {
  if (ci_) {
    ci_->callback(callback, origin);
    return;
  }
  if (short_form_) {
    output_.write(style_.json
                      ? json_line(render_callback_short_json(callback, origin, language_))
                      : render_callback_short_text(callback, origin, style_.color, language_));
    return;
  }
  if (style_.json) {
    output_.write(json_line(render_callback_json(callback, origin, language_)));
    return;
  }
  if (!first_) output_.write("\n");
  first_ = false;
  output_.write(render_callback_text(callback, origin, style_.color, language_));
}

void ExplanationPrinter::print(const Explanation& explanation, const ResponseContext* from) {
  if (ci_) {
    ci_->explained(explanation, from);
    return;
  }
  if (short_form_) {
    output_.write(style_.json ? json_line(render_short_json(explanation, from, language_))
                              : render_short_text(explanation, style_.color, from, language_));
    return;
  }
  if (style_.json) {
    output_.write(json_line(render_json(explanation, from, notes_, language_)));
    return;
  }
  if (!first_) output_.write("\n");
  first_ = false;
  output_.write(render_text(explanation, style_.color, from, notes_, language_));
}

}  // namespace dhcode
