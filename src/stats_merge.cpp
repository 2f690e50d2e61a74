#include "stats_merge.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "input.hpp"
#include "input_format.hpp"
#include "json_syntax.hpp"
#include "line_reader.hpp"
#include "output.hpp"
#include "safe_text.hpp"

namespace dhcode {
namespace {

using nlohmann::json;

// A whole number a partial must hold at key, or why not.
std::optional<std::uint64_t> count_at(const json& object, const char* key, std::string& why) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_unsigned()) {
    why = fmt::format("\"{}\" is missing or not a whole number", key);
    return std::nullopt;
  }
  return it->get<std::uint64_t>();
}

std::optional<std::string> text_at(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

// One code of a partial's "codes", or why it cannot be read.
bool read_code(const json& row, StatsTally& into, std::string& why) {
  if (!row.is_object()) {
    why = "an entry of \"codes\" is not an object";
    return false;
  }
  std::optional<std::uint64_t> code = count_at(row, "code", why);
  std::optional<std::uint64_t> count = code ? count_at(row, "count", why) : std::nullopt;
  if (!count) return false;
  if (*code > kLargestCode) {
    why = fmt::format("code {} is out of range", *code);
    return false;
  }
  Tally tally;
  tally.count = *count;
  tally.seen.first = text_at(row, "first_time");
  tally.seen.last = text_at(row, "last_time");
  tally.first_file = text_at(row, "first_file").value_or("");
  auto line = row.find("first_line");
  if (line != row.end() && line->is_number_unsigned()) tally.first_line = line->get<std::size_t>();
  into.add_code(static_cast<Code>(*code), tally);
  return true;
}

// A whole number, or null, at key: an EventType or Status.
bool number_or_null_at(const json& row, const char* key, std::optional<std::int64_t>& out,
                       std::string& why) {
  auto it = row.find(key);
  if (it != row.end() && it->is_number_integer()) {
    out = it->get<std::int64_t>();
    return true;
  }
  if (it != row.end() && it->is_null()) return true;
  why = fmt::format("\"{}\" of a callback is missing or not a whole number", key);
  return false;
}

// One kind of a partial's "callbacks", or why it cannot be read.
bool read_callbacks(const json& row, StatsTally& into, std::string& why) {
  if (!row.is_object()) {
    why = "an entry of \"callbacks\" is not an object";
    return false;
  }
  std::optional<std::int64_t> event_type, status;
  std::optional<std::uint64_t> count;
  if (!number_or_null_at(row, "event_type", event_type, why) ||
      !number_or_null_at(row, "status", status, why) || !(count = count_at(row, "count", why)))
    return false;
  CallbackTally callbacks;
  callbacks.tally.count = *count;
  callbacks.tally.seen.first = text_at(row, "first_time");
  callbacks.tally.seen.last = text_at(row, "last_time");
  callbacks.tally.first_file = text_at(row, "first_file").value_or("");
  auto line = row.find("first_line");
  if (line != row.end() && line->is_number_unsigned())
    callbacks.tally.first_line = line->get<std::size_t>();
  auto tasks = row.find("failed_tasks");
  if (tasks != row.end() && tasks->is_array())
    for (const json& id : *tasks)
      if (id.is_string()) callbacks.add_failed_task(id.get<std::string>());
  into.add_callbacks(event_type ? CallbackKind{*event_type, status} : kOtherCallbacks, callbacks);
  return true;
}

// Why a line is not a partial; where in it, when its JSON is invalid.
struct NotAPartial {
  std::string why;
  std::optional<std::size_t> offset;
};

// Says where and why, as for a log's records, when the JSON is invalid (a
// partial cut off in transfer, a log given by mistake).
bool is_json_object(const json& partial, std::string_view text, NotAPartial& problem) {
  if (partial.is_object()) return true;
  std::optional<JsonSyntax::Problem> invalid =
      partial.is_discarded() ? check_json(text).problem : std::nullopt;
  if (invalid) {
    problem.offset = invalid->offset;
    problem.why = fmt::format("invalid JSON: {}; not a 'dhcode stats --json' result", invalid->why);
  } else {
    problem.why = "not the JSON object that 'dhcode stats --json' prints";
  }
  return false;
}

// One line of `stats --json` output into a tally of its own, or why not.
std::optional<StatsTally> read_partial(std::string_view text, NotAPartial& problem) {
  json partial = json::parse(text, nullptr, false);
  if (!is_json_object(partial, text, problem)) return std::nullopt;
  std::string& why = problem.why;
  StatsTally tally;
  auto codes = partial.find("codes");
  if (codes == partial.end() || !codes->is_array()) {
    why = "no \"codes\" array: not a 'dhcode stats --json' result";
    return std::nullopt;
  }
  for (const json& row : *codes)
    if (!read_code(row, tally, why)) return std::nullopt;
  // Results of versions before callbacks were counted have none.
  if (auto callbacks = partial.find("callbacks"); callbacks != partial.end()) {
    if (!callbacks->is_array()) {
      why = "\"callbacks\" is not an array";
      return std::nullopt;
    }
    for (const json& row : *callbacks)
      if (!read_callbacks(row, tally, why)) return std::nullopt;
  }
  std::optional<std::uint64_t> responses = count_at(partial, "responses", why);
  std::optional<std::uint64_t> other =
      responses ? count_at(partial, "other_codes", why) : std::nullopt;
  std::optional<std::uint64_t> unreadable =
      other ? count_at(partial, "unreadable", why) : std::nullopt;
  std::optional<std::uint64_t> passed =
      unreadable ? count_at(partial, "passed_over", why) : std::nullopt;
  std::optional<std::uint64_t> mentioning =
      passed ? count_at(partial, "passed_over_mentioning_code", why) : std::nullopt;
  if (!mentioning) return std::nullopt;
  // The codes and the codes counted together must make the responses.
  if (tally.totals.responses + *other != *responses) {
    why = fmt::format("its codes count {} responses and \"responses\" says {}",
                      tally.totals.responses + *other, *responses);
    return std::nullopt;
  }
  tally.totals.responses += *other;
  tally.totals.other_codes = *other;
  tally.totals.unreadable = *unreadable;
  tally.totals.passed_over = *passed;
  tally.totals.mentioning_code = *mentioning;
  if (*mentioning > 0) tally.totals.first_mention = text_at(partial, "first_mention").value_or("");
  return tally;
}

// Adds every partial in one input; the worst exit status it comes to.
ExitStatus merge_input(const std::string& path, StatsTally& tally) {
  InputFile input(path);
  if (input.open_error()) {
    report_input_error(path, input.open_error());
    return ExitStatus::no_input;
  }
  std::unique_ptr<ByteSource> source = open_input(input.bytes());
  LineReader reader(*source);
  ExitStatus status = ExitStatus::ok;
  std::size_t partials = 0;
  Line line;
  while (reader.next(line)) {
    std::string_view text = line.text;
    if (text.find_first_not_of(" \t") == std::string_view::npos && !line.too_long) continue;
    NotAPartial problem{line.too_long ? too_long_message("line") : std::string(), {}};
    std::optional<StatsTally> partial =
        problem.why.empty() ? read_partial(text, problem) : std::nullopt;
    if (!partial) {
      std::string column = problem.offset
                               ? fmt::format(":{}", position_of(text, *problem.offset, 1, 1).column)
                               : std::string();
      report(
          fmt::format("{}:{}{}: {}", visible(input_name(path)), line.number, column, problem.why));
      status = worse(status, ExitStatus::data_error);
      continue;
    }
    tally.add(*partial);
    ++partials;
  }
  if (source->error()) {
    report_input_error(path, source->error());
    return worse(status, ExitStatus::no_input);
  }
  if (!source->problem().empty()) {
    report(fmt::format("{}: {}", visible(input_name(path)), source->problem()));
    status = worse(status, ExitStatus::data_error);
  } else if (partials == 0 && status == ExitStatus::ok) {
    report(fmt::format("{}: holds no 'dhcode stats --json' result", visible(input_name(path))));
    status = ExitStatus::data_error;
  }
  return status;
}

}  // namespace

ExitStatus merge_partials(std::span<const std::string> inputs, StatsTally& tally) {
  ExitStatus status = ExitStatus::ok;
  for (const std::string& path : inputs) status = worse(status, merge_input(path, tally));
  return status;
}

}  // namespace dhcode
