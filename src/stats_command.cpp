#include "stats_command.hpp"

#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "ci_report.hpp"
#include "explanation.hpp"
#include "input.hpp"
#include "render.hpp"
#include "safe_text.hpp"
#include "text_width.hpp"
#include "words.hpp"

namespace dhcode {
namespace {

// Codes counted one by one. A real log holds a few dozen; past this many, a
// hostile input could make the table grow without end, so further new codes
// are counted together (and that is said once on stderr).
constexpr std::size_t kMaxDistinctCodes = 10'000;

struct Totals {
  std::uint64_t responses = 0;
  std::uint64_t successes = 0;
  std::uint64_t unreadable = 0;
  std::uint64_t passed_over = 0;
  std::uint64_t mentioning_code = 0;  // of those passed over
  std::string first_mention;          // "api.log:12", where the first was
  std::uint64_t other_codes = 0;      // responses whose code came after the table was full
  std::uint64_t errors() const { return responses - successes; }
};

// When a code was first and last seen, in the order the records were read,
// as the log wrote the times; empty when its records carry no time.
struct Seen {
  std::optional<std::string> first;
  std::optional<std::string> last;
  void at(const std::optional<std::string>& time) {
    if (!time) return;
    if (!first) first = *time;
    last = *time;
  }
};

struct Tally {
  std::uint64_t count = 0;
  Seen seen;
  Origin first;  // where the code was first seen
};

struct CodeCount {
  Code code;
  std::uint64_t count;
  const Seen* seen;
  const Origin* first;
};

class StatsHandler : public ResponseHandler {
 public:
  // ci: the CI report --format asked for, or null.
  explicit StatsHandler(CiReport* ci) : ci_(ci) {}

  void response(const Response& response, const Origin& origin) override {
    ++totals.responses;
    if (response.code == 0) {
      // Most responses: counted without a lookup.
      if (totals.successes++ == 0) successes_.first = origin;
      successes_.seen.at(response.time);
      return;
    }
    auto it = counts_.find(response.code);
    if (it == counts_.end() && counts_.size() < kMaxDistinctCodes)
      it = counts_.emplace(response.code, Tally{0, {}, origin}).first;
    if (it != counts_.end()) {
      ++it->second.count;
      it->second.seen.at(response.time);
    } else {
      if (totals.other_codes++ == 0)
        report(fmt::format("stats: more than {} different codes; the rest are counted together",
                           kMaxDistinctCodes));
    }
  }
  void bad_record(const Origin& origin, std::string_view why) override {
    ++totals.unreadable;
    report_bad_record(origin, why);
    if (ci_) ci_->problem(origin, why);
  }
  void input_problem(std::string_view name, std::string_view why) override {
    if (ci_) ci_->problem({name}, why);
  }
  void passed_over(const Origin&) override { ++totals.passed_over; }
  void code_mentions(const Origin& first, std::size_t lines) override {
    if (totals.mentioning_code == 0)
      totals.first_mention = fmt::format("{}:{}", first.name, first.line);
    totals.mentioning_code += lines;
  }

  // Most frequent first; equal counts in code order.
  std::vector<CodeCount> rows() const {
    std::vector<CodeCount> rows;
    if (totals.successes > 0)
      rows.push_back({0, totals.successes, &successes_.seen, &successes_.first});
    for (const auto& [code, tally] : counts_)
      rows.push_back({code, tally.count, &tally.seen, &tally.first});
    std::ranges::sort(rows, [](const CodeCount& a, const CodeCount& b) {
      return a.count != b.count ? a.count > b.count : a.code < b.code;
    });
    return rows;
  }

  Totals totals;

 private:
  CiReport* ci_;
  std::unordered_map<Code, Tally> counts_;
  Tally successes_;  // its count is totals.successes
};

// A CI report of a log: each code once, with its count and where it was
// first seen.
void report_stats_to_ci(const std::vector<CodeCount>& rows, CiReport& ci) {
  for (const CodeCount& row : rows) {
    Response first;
    first.code = row.code;
    ResponseContext context{first, *row.first};
    ci.explained(explain(row.code), &context, row.count);
  }
  ci.finish();
}

double share_of(std::uint64_t count, std::uint64_t total) {
  return total == 0 ? 0.0 : static_cast<double>(count) / static_cast<double>(total);
}

std::string description_of(const Explanation& explanation, Language language) {
  const Words& w = words_for(language);
  if (explanation.entry) {
    const Entry& entry = *explanation.entry;
    std::string text = visible(description_in(entry, language)) +
                       std::string(entry.status == Status::legacy ? w.legacy_mark : "");
    if (!entry.overlay.empty())
      text += fmt::format(fmt::runtime(w.overlay_mark), visible(entry.overlay));
    return text;
  }
  if (explanation.range)
    return fmt::format(fmt::runtime(w.not_in_registry_range), explanation.range->pattern,
                       explanation.range->holds);
  return std::string(w.not_in_registry);
}

// The first-seen and last-seen columns, as wide as the longest time; no
// columns at all (width 0) when no record carried a time.
std::size_t time_width(const std::vector<CodeCount>& rows) {
  std::size_t width = 0;
  for (const CodeCount& row : rows)
    if (row.seen->first)
      width = std::max({width, visible(*row.seen->first).size(), visible(*row.seen->last).size(),
                        std::size_t{10}});
  return width;
}

std::string time_cells(const Seen* seen, std::size_t width) {
  if (width == 0) return "";
  auto cell = [&](const std::optional<std::string>& time) {
    return fmt::format("{:<{}}  ", time ? visible(*time) : "-", width);
  };
  return seen ? cell(seen->first) + cell(seen->last) : cell({}) + cell({});
}

// Right-aligned in width terminal cells (Chinese headings take two a character).
std::string right(std::string_view text, std::size_t width) {
  std::size_t used = cells(text);
  return std::string(used < width ? width - used : 0, ' ') + std::string(text);
}

std::string render_stats_text(const std::vector<CodeCount>& rows, const Totals& totals, bool color,
                              Language language) {
  const Words& w = words_for(language);
  std::size_t width = time_width(rows);
  std::string out;
  std::string times =
      width ? padded(w.first_seen_heading, width) + "  " + padded(w.last_seen_heading, width) + "  "
            : "";
  std::string heading = fmt::format("{}  {}  {}  {}  {}{}", right(w.count_heading, 10),
                                    right(w.share_heading, 7), padded(w.code_heading, 9),
                                    padded(w.retry_heading, 5), times, w.description_heading);
  out += color ? fmt::format(fmt::emphasis::bold, "{}", heading) : heading;
  out += '\n';
  for (const CodeCount& row : rows) {
    Explanation explanation = explain(row.code);
    fmt::format_to(std::back_inserter(out), "{:>10}  {:>6.2f}%  {:<9}  {}  {}{}\n", row.count,
                   100 * share_of(row.count, totals.responses), row.code,
                   padded(retry_column(explanation.entry, language), 5),
                   time_cells(row.seen, width), description_of(explanation, language));
  }
  if (totals.other_codes > 0)
    fmt::format_to(std::back_inserter(out), "{:>10}  {:>6.2f}%  {:<9}  {:<5}  {}{}\n",
                   totals.other_codes, 100 * share_of(totals.other_codes, totals.responses),
                   "other", "?", time_cells(nullptr, width),
                   fmt::format(fmt::runtime(w.other_codes), kMaxDistinctCodes));
  out += "\n";
  out += fmt::format(fmt::runtime(w.stats_totals), totals.responses, totals.successes,
                     totals.errors(), totals.unreadable, totals.passed_over);
  if (totals.mentioning_code > 0)
    out += fmt::format(fmt::runtime(w.passed_over_mentioning_code), totals.mentioning_code);
  out += "\n";
  return out;
}

nlohmann::ordered_json render_stats_json(const std::vector<CodeCount>& rows, const Totals& totals,
                                         Language language) {
  nlohmann::ordered_json out;
  out["responses"] = totals.responses;
  out["successes"] = totals.successes;
  out["errors"] = totals.errors();
  out["unreadable"] = totals.unreadable;
  out["passed_over"] = totals.passed_over;
  out["passed_over_mentioning_code"] = totals.mentioning_code;
  out["first_mention"] =
      totals.mentioning_code ? nlohmann::ordered_json(totals.first_mention) : nullptr;
  out["other_codes"] = totals.other_codes;
  out["codes"] = nlohmann::ordered_json::array();
  for (const CodeCount& row : rows) {
    Explanation explanation = explain(row.code);
    nlohmann::ordered_json code;
    code["code"] = row.code;
    code["count"] = row.count;
    code["share"] = share_of(row.count, totals.responses);
    code["known"] = explanation.entry != nullptr;
    code["description"] =
        explanation.entry
            ? nlohmann::ordered_json(std::string(description_in(*explanation.entry, language)))
            : nullptr;
    code["retryable"] =
        explanation.entry ? nlohmann::ordered_json(explanation.entry->retryable) : nullptr;
    code["status"] = explanation.entry
                         ? nlohmann::ordered_json(std::string(name_of(explanation.entry->status)))
                         : nullptr;
    code["overlay"] = explanation.entry && !explanation.entry->overlay.empty()
                          ? nlohmann::ordered_json(std::string(explanation.entry->overlay))
                          : nullptr;
    code["first_time"] = row.seen->first ? nlohmann::ordered_json(*row.seen->first) : nullptr;
    code["last_time"] = row.seen->last ? nlohmann::ordered_json(*row.seen->last) : nullptr;
    out["codes"].push_back(std::move(code));
  }
  out["lang"] = name_of(language);
  return out;
}

}  // namespace

ExitStatus run_stats(const StatsRequest& request, Context& context) {
  std::vector<std::string> inputs = inputs_or_stdin(
      request.inputs, "stats: no input; give log files or pipe a log in (see dhcode stats --help)");
  if (inputs.empty()) return ExitStatus::usage;
  std::unique_ptr<CiReport> ci = make_ci_report(context);
  StatsHandler handler(ci.get());
  ExitStatus status = read_inputs(inputs, handler, {.with_text = false});  // counts need no text
  if (handler.totals.unreadable > 0) status = worse(status, ExitStatus::data_error);

  std::vector<CodeCount> rows = handler.rows();
  if (ci)
    report_stats_to_ci(rows, *ci);
  else if (context.style.json)
    context.output.write(json_line(render_stats_json(rows, handler.totals, context.language)));
  else
    context.output.write(
        render_stats_text(rows, handler.totals, context.style.color, context.language));
  return status;
}

}  // namespace dhcode
