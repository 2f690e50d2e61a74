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
}

void add_origin_line(std::string& out, const ResponseContext* from, bool color) {
  if (from)
    add_line(out, "From", fmt::format("{}:{}", visible(from->origin.name), from->origin.line),
             color);
}

}  // namespace

std::string render_text(const Explanation& explanation, bool color, const ResponseContext* from) {
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
    add_origin_line(out, from, color);
    return out;
  }
  fmt::format_to(std::back_inserter(out), "{}  {}\n", code, entry->description);
  add_server_lines(out, from, color);
  add_line(out, "Action", entry->action, color);
  add_line(out, "Category", name_of(entry->category), color);
  add_line(out, "Retry", retry_text(*entry, color), color);
  std::string status(status_meaning(entry->status));
  add_line(out, "Status",
           entry->status == Status::legacy ? paint(status, fg(fmt::terminal_color::yellow), color)
                                           : status,
           color);
  if (!entry->earlier.empty()) add_line(out, "Earlier", entry->earlier, color);
  add_line(out, "Source", source_of(entry->status), color);
  add_origin_line(out, from, color);
  return out;
}

nlohmann::ordered_json render_json(const Explanation& explanation, const ResponseContext* from) {
  const Entry* entry = explanation.entry;
  const Range* range = explanation.range;
  auto text_or_null = [](std::string_view text) -> nlohmann::ordered_json {
    if (text.empty()) return nullptr;
    return std::string(text);
  };
  nlohmann::ordered_json out;
  out["code"] = explanation.code;
  out["known"] = entry != nullptr;
  out["description"] = entry ? text_or_null(entry->description) : nullptr;
  out["action"] = entry ? text_or_null(entry->action) : nullptr;
  out["category"] = entry ? text_or_null(name_of(entry->category)) : nullptr;
  out["retryable"] = entry ? nlohmann::ordered_json(entry->retryable) : nullptr;
  out["status"] = entry ? text_or_null(name_of(entry->status)) : nullptr;
  out["source"] = entry ? text_or_null(source_of(entry->status)) : nullptr;
  out["earlier"] = entry ? text_or_null(entry->earlier) : nullptr;
  out["range"] = range ? text_or_null(range->pattern) : nullptr;
  out["range_holds"] = range ? text_or_null(range->holds) : nullptr;
  auto optional_text = [](const std::optional<std::string>& text) -> nlohmann::ordered_json {
    if (!text) return nullptr;
    return *text;
  };
  out["message"] = from ? optional_text(from->response.message) : nullptr;
  out["request_id"] = from ? optional_text(from->response.request_id) : nullptr;
  out["file"] = from ? nlohmann::ordered_json(std::string(from->origin.name)) : nullptr;
  out["line"] = from ? nlohmann::ordered_json(from->origin.line) : nullptr;
  return out;
}

std::string json_line(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', true, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

void ExplanationPrinter::print(const Explanation& explanation, const ResponseContext* from) {
  if (json_) {
    output_.write(json_line(render_json(explanation, from)));
    return;
  }
  if (!first_) output_.write("\n");
  first_ = false;
  output_.write(render_text(explanation, color_, from));
}

}  // namespace dhcode
