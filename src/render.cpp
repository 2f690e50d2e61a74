#include "render.hpp"

#include <fmt/color.h>
#include <fmt/format.h>

#include "safe_text.hpp"

namespace dhcode {
namespace {

constexpr std::string_view kNotDocumented = "not documented";

std::string paint(std::string_view text, fmt::text_style style, bool color) {
  return color ? fmt::format(style, "{}", text) : std::string(text);
}

void add_line(std::string& out, std::string_view label, std::string_view value, bool color) {
  fmt::format_to(
      std::back_inserter(out), "  {} {}\n",
      paint(fmt::format("{:<10}", fmt::format("{}:", label)), fmt::emphasis::faint, color), value);
}

std::string_view status_meaning(Status status) {
  switch (status) {
    case Status::current:
      return "current (listed on the current return-code page)";
    case Status::gateway:
      return "gateway (a common code of all ZEGO server APIs)";
    case Status::legacy:
      return "legacy (no longer listed; only on the earlier Digital Human PaaS page)";
    case Status::team:
      return "team (added by a team registry overlay, not by ZEGOCLOUD)";
  }
  return "";
}

std::string retry_text(const Entry& entry, bool color) {
  if (entry.code == 0) return "not needed (the request succeeded)";
  if (entry.retryable)
    return paint("yes", fg(fmt::terminal_color::green), color) +
           ", a later retry of the same request can succeed";
  return paint("no", fg(fmt::terminal_color::red), color) +
         ", the same request fails again until something is changed";
}

std::string range_text(const Range* range) {
  if (!range) return "no documented range holds this code";
  return fmt::format("{}: {}", range->pattern, range->holds);
}

// The server's own words come first: they are often more specific than the
// registry's (for 400000001 the Message names the bad parameter).
void add_server_lines(std::string& out, const ResponseContext* from, bool color) {
  if (!from) return;
  if (from->response.message) add_line(out, "Message", visible(*from->response.message), color);
  if (from->response.request_id)
    add_line(out, "RequestId", visible(*from->response.request_id), color);
  if (from->response.time) add_line(out, "Time", visible(*from->response.time), color);
}

// What a team's overlay says. Overlay files are not dhcode's: their text is
// shown as untrusted too.
void add_overlay_lines(std::string& out, const Entry& entry, bool color) {
  if (!entry.runbook.empty()) add_line(out, "Runbook", visible(entry.runbook), color);
  if (!entry.note.empty()) add_line(out, "Note", visible(entry.note), color);
  if (!entry.overlay.empty()) add_line(out, "Overlay", visible(entry.overlay), color);
}

void add_notes(std::string& out, Code code, bool color) {
  for (const Note& note : notes_for(code))
    add_line(out, "Check", fmt::format("{} (source: {})", note.text, note.source), color);
}

void add_suggestions(std::string& out, const Explanation& explanation, bool color) {
  for (const Entry* entry : explanation.did_you_mean)
    add_line(out, "Did you mean", fmt::format("{} ({})", entry->code, visible(entry->description)),
             color);
}

void add_origin_line(std::string& out, const ResponseContext* from, bool color) {
  if (from)
    add_line(out, "From", fmt::format("{}:{}", visible(from->origin.name), from->origin.line),
             color);
}

}  // namespace

std::string render_text(const Explanation& explanation, bool color, const ResponseContext* from,
                        bool with_notes) {
  std::string out;
  std::string code = paint(fmt::format("{}", explanation.code), fmt::emphasis::bold, color);
  const Entry* entry = explanation.entry;
  if (!entry) {
    fmt::format_to(std::back_inserter(out), "{}  {}\n", code,
                   paint("not in the registry", fg(fmt::terminal_color::yellow), color));
    add_server_lines(out, from, color);
    add_line(out, "Range", range_text(explanation.range), color);
    add_line(out, "Meaning", kNotDocumented, color);
    add_line(out, "Retry", kNotDocumented, color);
    add_suggestions(out, explanation, color);
    add_origin_line(out, from, color);
    return out;
  }
  fmt::format_to(std::back_inserter(out), "{}  {}\n", code, visible(entry->description));
  add_server_lines(out, from, color);
  add_line(out, "Action", entry->action.empty() ? kNotDocumented : visible(entry->action), color);
  add_line(out, "Category", name_of(entry->category), color);
  add_line(out, "Retry", retry_text(*entry, color), color);
  std::string status(status_meaning(entry->status));
  add_line(out, "Status",
           entry->status == Status::legacy ? paint(status, fg(fmt::terminal_color::yellow), color)
                                           : status,
           color);
  if (!entry->earlier.empty()) add_line(out, "Earlier", entry->earlier, color);
  add_line(out, "Source", source_of(entry->status), color);
  add_overlay_lines(out, *entry, color);
  if (with_notes) add_notes(out, entry->code, color);
  add_origin_line(out, from, color);
  return out;
}

namespace {

nlohmann::ordered_json text_or_null(std::string_view text) {
  if (text.empty()) return nullptr;
  return std::string(text);
}

// The keys an entry has in every output, null where the entry is missing.
void add_entry_keys(nlohmann::ordered_json& out, const Entry* entry) {
  out["description"] = entry ? text_or_null(entry->description) : nullptr;
  out["action"] = entry ? text_or_null(entry->action) : nullptr;
  out["category"] = entry ? text_or_null(name_of(entry->category)) : nullptr;
  out["retryable"] = entry ? nlohmann::ordered_json(entry->retryable) : nullptr;
  out["status"] = entry ? text_or_null(name_of(entry->status)) : nullptr;
  out["source"] = entry ? text_or_null(source_of(entry->status)) : nullptr;
  out["earlier"] = entry ? text_or_null(entry->earlier) : nullptr;
  out["runbook"] = entry ? text_or_null(entry->runbook) : nullptr;
  out["note"] = entry ? text_or_null(entry->note) : nullptr;
  out["overlay"] = entry ? text_or_null(entry->overlay) : nullptr;
}

}  // namespace

nlohmann::ordered_json render_entry_json(const Entry& entry) {
  nlohmann::ordered_json out;
  out["code"] = entry.code;
  add_entry_keys(out, &entry);
  return out;
}

nlohmann::ordered_json render_json(const Explanation& explanation, const ResponseContext* from,
                                   bool with_notes) {
  const Entry* entry = explanation.entry;
  const Range* range = explanation.range;
  nlohmann::ordered_json out;
  out["code"] = explanation.code;
  out["known"] = entry != nullptr;
  add_entry_keys(out, entry);
  out["range"] = range ? text_or_null(range->pattern) : nullptr;
  out["range_holds"] = range ? text_or_null(range->holds) : nullptr;
  out["did_you_mean"] = nlohmann::ordered_json::array();
  for (const Entry* entry : explanation.did_you_mean) out["did_you_mean"].push_back(entry->code);
  out["notes"] = nlohmann::ordered_json::array();
  if (entry && with_notes)
    for (const Note& note : notes_for(entry->code))
      out["notes"].push_back({{"text", note.text}, {"source", note.source}});
  auto optional_text = [](const std::optional<std::string>& text) -> nlohmann::ordered_json {
    if (!text) return nullptr;
    return *text;
  };
  out["message"] = from ? optional_text(from->response.message) : nullptr;
  out["request_id"] = from ? optional_text(from->response.request_id) : nullptr;
  out["file"] = from ? nlohmann::ordered_json(std::string(from->origin.name)) : nullptr;
  out["line"] = from ? nlohmann::ordered_json(from->origin.line) : nullptr;
  out["time"] = from ? optional_text(from->response.time) : nullptr;
  return out;
}

std::string_view retry_column(const Entry* entry) {
  if (!entry) return "?";
  if (entry->code == 0) return "-";
  return entry->retryable ? "yes" : "no";
}

std::string render_entry_table(const std::vector<const Entry*>& entries, bool color) {
  std::string out;
  std::string heading = fmt::format("{:<9}  {:<9}  {:<5}  {:<7}  {}", "code", "category", "retry",
                                    "status", "description");
  out += paint(heading, fmt::emphasis::bold, color) + "\n";
  for (const Entry* entry : entries) {
    fmt::format_to(std::back_inserter(out), "{:<9}  {:<9}  {:<5}  {:<7}  {}", entry->code,
                   name_of(entry->category), retry_column(entry), name_of(entry->status),
                   visible(entry->description));
    if (!entry->overlay.empty())
      fmt::format_to(std::back_inserter(out), " [overlay: {}]", visible(entry->overlay));
    out += '\n';
  }
  return out;
}

std::string json_line(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', true, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

void ExplanationPrinter::print(const Explanation& explanation, const ResponseContext* from) {
  if (style_.json) {
    output_.write(json_line(render_json(explanation, from, notes_)));
    return;
  }
  if (!first_) output_.write("\n");
  first_ = false;
  output_.write(render_text(explanation, style_.color, from, notes_));
}

}  // namespace dhcode
