#include "stats_command.hpp"

#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "ci_report.hpp"
#include "explanation.hpp"
#include "input.hpp"
#include "render.hpp"
#include "render_task.hpp"
#include "safe_text.hpp"
#include "stats_merge.hpp"
#include "stats_tally.hpp"
#include "text_width.hpp"
#include "words.hpp"

namespace dhcode {
namespace {

// A problem met while reading, kept for a CI report: reports are made once
// everything is read, in the order of the inputs.
struct Problem {
  std::string file;
  std::size_t line;
  std::size_t column;
  std::string why;
};

class StatsHandler : public ResponseHandler {
 public:
  // keep_problems: for a CI report.
  explicit StatsHandler(bool keep_problems) : keep_problems_(keep_problems) {}

  void response(const Response& response, const Origin& origin) override {
    tally.response(response, origin);
  }
  void callback(const TaskReport& callback, const Origin& origin) override {
    tally.callback(callback, origin);
  }
  void bad_record(const Origin& origin, std::string_view why) override {
    ++tally.totals.unreadable;
    report_bad_record(origin, why);
    keep(origin, why);
  }
  void input_problem(std::string_view name, std::string_view why) override { keep({name}, why); }
  void passed_over(const Origin&) override { ++tally.totals.passed_over; }
  void code_mentions(const Origin& first, std::size_t lines) override {
    tally.passed_over_mentioning_code(first, lines);
  }

  bool keeps_problems() const { return keep_problems_; }

  StatsTally tally;
  std::vector<Problem> problems;

 private:
  void keep(const Origin& origin, std::string_view why) {
    if (keep_problems_)
      problems.push_back({std::string(origin.name), origin.line, origin.column, std::string(why)});
  }

  bool keep_problems_;
};

// A CI report of a log: its problems, then each code once, with its count
// and where it was first seen.
void report_stats_to_ci(const std::vector<Problem>& problems, const std::vector<CodeCount>& rows,
                        const StatsTally& tally, CiReport& ci) {
  for (const Problem& problem : problems)
    ci.problem({problem.file, problem.line, problem.column}, problem.why);
  for (const CodeCount& row : rows) {
    Response first;
    first.code = row.code;
    ResponseContext context{first, {row.tally->first_file, row.tally->first_line}};
    ci.explained(explain(row.code), &context, row.tally->count);
  }
  for (const auto& [kind, callbacks] : tally.callbacks()) {
    if (kind == kOtherCallbacks) continue;
    TaskReport first = callback_of(kind);
    if (!callbacks.failed_tasks.empty()) first.task_id = callbacks.failed_tasks.front();
    ci.callback(first, {callbacks.tally.first_file, callbacks.tally.first_line});
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
    std::string text = shown_description(entry, language) +
                       std::string(entry.status == Status::legacy ? w.legacy_mark : "");
    if (!entry.overlay.empty())
      text += fmt::format(fmt::runtime(w.overlay_mark), visible(entry.overlay));
    return text;
  }
  if (explanation.range)
    return fmt::format(fmt::runtime(w.not_in_registry_range), explanation.range->pattern,
                       holds_in(*explanation.range, language));
  return std::string(w.not_in_registry);
}

// The first-seen and last-seen columns, as wide as the longest time; no
// columns at all (width 0) when no record carried a time.
std::size_t time_width(const std::vector<CodeCount>& rows) {
  std::size_t width = 0;
  for (const CodeCount& row : rows)
    if (const Seen& seen = row.tally->seen; seen.first)
      width = std::max(
          {width, visible(*seen.first).size(), visible(*seen.last).size(), std::size_t{10}});
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

// What a kind of callback means: its status's documented words, or that
// they are not documented; and the first tasks that failed.
std::string callback_meaning(const CallbackKind& kind, const CallbackTally& callbacks,
                             Language language) {
  if (kind == kOtherCallbacks)
    return say(language, "other kinds, past {} counted one by one", "其他种类（超过 {} 种之后）",
               kMaxDistinctCodes);
  const StatusMeaning* meaning = status_meaning(callback_of(kind));
  std::string text = meaning ? std::string(meaning_in(*meaning, language))
                             : std::string(words_for(language).not_documented);
  std::vector<std::string> tasks;
  for (const std::string& id : callbacks.failed_tasks) tasks.push_back(visible(id));
  if (!tasks.empty())
    text += say(language, " (tasks: {}{})", "（任务：{}{}）", fmt::join(tasks, ", "),
                callbacks.failed_tasks.size() == kFailedTasksKept ? ", ..." : "");
  return text;
}

// The second table: callbacks by EventType and Status.
std::string render_callbacks_text(const StatsTally& tally, bool color, Language language) {
  const Words& w = words_for(language);
  std::vector<CodeCount> seen;  // for the width of the time columns
  for (const auto& [kind, callbacks] : tally.callbacks()) seen.push_back({0, &callbacks.tally});
  std::size_t width = time_width(seen);
  std::string times =
      width ? padded(w.first_seen_heading, width) + "  " + padded(w.last_seen_heading, width) + "  "
            : "";
  std::string heading = fmt::format("{}  {:<9}  {:<6}  {}{}", right(w.count_heading, 10),
                                    "EventType", "Status", times, w.description_heading);
  std::string out(1, '\n');
  out += color ? fmt::format(fmt::emphasis::bold, "{}", heading) : heading;
  out += '\n';
  std::uint64_t failed = 0;
  for (const auto& [kind, callbacks] : tally.callbacks()) {
    bool other = kind == kOtherCallbacks;
    if (!other && task_failed(callback_of(kind))) failed += callbacks.tally.count;
    fmt::format_to(std::back_inserter(out), "{:>10}  {:<9}  {:<6}  {}{}\n", callbacks.tally.count,
                   other ? "other" : std::to_string(kind.first),
                   kind.second ? std::to_string(*kind.second) : "-",
                   time_cells(&callbacks.tally.seen, width),
                   callback_meaning(kind, callbacks, language));
  }
  out += say(language, "callbacks: {}, of tasks that failed: {}\n", "回调：{}，其中任务失败：{}\n",
             tally.callback_count(), failed);
  return out;
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
    fmt::format_to(std::back_inserter(out), "{:>10}  {:>6.2f}%  {:<9}  {}  {}{}\n",
                   row.tally->count, 100 * share_of(row.tally->count, totals.responses), row.code,
                   padded(retry_column(explanation.entry, language), 5),
                   time_cells(&row.tally->seen, width), description_of(explanation, language));
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

nlohmann::ordered_json render_callbacks_json(const StatsTally& tally, Language language) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& [kind, callbacks] : tally.callbacks()) {
    bool other = kind == kOtherCallbacks;
    const StatusMeaning* meaning = status_meaning(callback_of(kind));
    nlohmann::ordered_json row;
    row["event_type"] =
        other ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(kind.first);
    row["status"] = kind.second ? nlohmann::ordered_json(*kind.second) : nullptr;
    row["count"] = callbacks.tally.count;
    row["documented"] = meaning != nullptr;
    row["meaning"] =
        meaning ? nlohmann::ordered_json(std::string(meaning_in(*meaning, language))) : nullptr;
    row["failed"] = meaning && meaning->failed;
    row["failed_tasks"] = callbacks.failed_tasks;
    const Seen& seen = callbacks.tally.seen;
    row["first_time"] = seen.first ? nlohmann::ordered_json(*seen.first) : nullptr;
    row["last_time"] = seen.last ? nlohmann::ordered_json(*seen.last) : nullptr;
    row["first_file"] = callbacks.tally.first_file;
    row["first_line"] = callbacks.tally.first_line;
    out.push_back(std::move(row));
  }
  return out;
}

nlohmann::ordered_json render_stats_json(const std::vector<CodeCount>& rows,
                                         const StatsTally& tally, Language language) {
  const Totals& totals = tally.totals;
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
    code["count"] = row.tally->count;
    code["share"] = share_of(row.tally->count, totals.responses);
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
    const Seen& seen = row.tally->seen;
    code["first_time"] = seen.first ? nlohmann::ordered_json(*seen.first) : nullptr;
    code["last_time"] = seen.last ? nlohmann::ordered_json(*seen.last) : nullptr;
    code["first_file"] = row.tally->first_file;
    code["first_line"] = row.tally->first_line;
    out["codes"].push_back(std::move(code));
  }
  out["callbacks"] = render_callbacks_json(tally, language);
  out["lang"] = name_of(language);
  return out;
}

// What reading one input came to, kept until the inputs before it are done.
struct InputResult {
  explicit InputResult(bool keep_problems) : handler(keep_problems) {}
  StatsHandler handler;
  ExitStatus status = ExitStatus::ok;
  std::string reports;  // what it said on stderr
};

// Reads the inputs, several at once (a thread each, up to jobs), each into
// a tally of its own; then adds the tallies up and writes what each input
// said, in the order the inputs were given: the report is the one reading
// them one after another gives.
ExitStatus read_in_parallel(const std::vector<std::string>& inputs, std::size_t jobs,
                            StatsHandler& all) {
  std::vector<std::unique_ptr<InputResult>> results;
  for (std::size_t i = 0; i < inputs.size(); ++i)
    results.push_back(std::make_unique<InputResult>(all.keeps_problems()));
  std::atomic<std::size_t> next = 0;
  auto work = [&] {
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      ReportCapture capture(results[i]->reports);
      results[i]->status = read_inputs({&inputs[i], 1}, results[i]->handler, {.with_text = false});
    }
  };
  {
    std::vector<std::jthread> threads;
    for (std::size_t t = 1; t < std::min(jobs, inputs.size()); ++t) threads.emplace_back(work);
    work();
  }  // joined
  ExitStatus status = ExitStatus::ok;
  for (const std::unique_ptr<InputResult>& result : results) {
    write_reports(result->reports);
    all.tally.add(result->handler.tally);
    std::ranges::move(result->handler.problems, std::back_inserter(all.problems));
    status = worse(status, result->status);
  }
  return status;
}

ExitStatus read_logs(const StatsRequest& request, StatsHandler& handler) {
  std::vector<std::string> inputs = inputs_or_stdin(
      request.inputs, "stats: no input; give log files or pipe a log in (see dhcode stats --help)");
  if (inputs.empty()) return ExitStatus::usage;
  std::size_t jobs =
      request.jobs != 0 ? request.jobs : std::max(1u, std::thread::hardware_concurrency());
  if (jobs > 1 && inputs.size() > 1) return read_in_parallel(inputs, jobs, handler);
  return read_inputs(inputs, handler, {.with_text = false});  // counts need no text
}

ExitStatus merge_results(const StatsRequest& request, StatsHandler& handler) {
  std::vector<std::string> inputs = inputs_or_stdin(
      request.inputs,
      "stats --merge: no input; give files of 'dhcode stats --json' results or pipe them in");
  if (inputs.empty()) return ExitStatus::usage;
  return merge_partials(inputs, handler.tally);
}

}  // namespace

ExitStatus run_stats(const StatsRequest& request, Context& context) {
  std::unique_ptr<CiReport> ci = make_ci_report(context);
  StatsHandler handler(ci != nullptr);
  ExitStatus status = request.merge ? merge_results(request, handler) : read_logs(request, handler);
  if (status == ExitStatus::usage) return status;
  const Totals& totals = handler.tally.totals;
  if (totals.unreadable > 0) status = worse(status, ExitStatus::data_error);
  if (totals.other_codes > 0)
    report(fmt::format("stats: more than {} different codes; the rest are counted together",
                       kMaxDistinctCodes));

  // Nothing could be read (a missing file, an archive, a decompressor that
  // cannot be loaded, not one stats result to merge): an empty table would
  // look like a clean log.
  bool nothing_read = status != ExitStatus::ok && totals.responses == 0 && totals.unreadable == 0 &&
                      totals.passed_over == 0 && handler.tally.callbacks().empty();
  if (nothing_read && !ci) return status;

  std::vector<CodeCount> rows = handler.tally.rows();
  if (ci)
    report_stats_to_ci(handler.problems, rows, handler.tally, *ci);
  else if (context.style.json)
    context.output.write(json_line(render_stats_json(rows, handler.tally, context.language)));
  else
    context.output.write(
        render_stats_text(rows, totals, context.style.color, context.language) +
        (handler.tally.callbacks().empty()
             ? std::string()
             : render_callbacks_text(handler.tally, context.style.color, context.language)));
  return status;
}

}  // namespace dhcode
