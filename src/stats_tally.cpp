#include "stats_tally.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "task_status.hpp"

namespace dhcode {

void StatsTally::first_at(Tally& tally, const Origin& origin) {
  tally.first_file.assign(origin.name);
  tally.first_line = origin.line;
}

void StatsTally::count_code(const Response& response, const Origin& origin) {
  auto it = counts_.find(response.code);
  if (it == counts_.end()) {
    if (counts_.size() >= kMaxDistinctCodes) {
      ++totals.other_codes;
      return;
    }
    it = counts_.emplace(response.code, Tally{}).first;
    first_at(it->second, origin);
  }
  ++it->second.count;
  it->second.seen.at(response.time);
}

void StatsTally::passed_over_mentioning_code(const Origin& first, std::size_t lines) {
  if (totals.mentioning_code == 0)
    totals.first_mention = fmt::format("{}:{}", first.name, first.line);
  totals.mentioning_code += lines;
}

void StatsTally::add_code(Code code, const Tally& tally) {
  totals.responses += tally.count;
  if (code == 0) totals.successes += tally.count;
  Tally* mine = code == 0 ? &successes_ : nullptr;
  if (!mine) {
    auto it = counts_.find(code);
    if (it == counts_.end() && counts_.size() >= kMaxDistinctCodes) {
      totals.other_codes += tally.count;
      return;
    }
    if (it == counts_.end()) it = counts_.emplace(code, Tally{}).first;
    mine = &it->second;
  }
  if (mine->count == 0) {
    *mine = tally;
    return;
  }
  mine->count += tally.count;
  mine->seen.then(tally.seen);
}

void StatsTally::add(const StatsTally& later) {
  if (later.successes_.count > 0) add_code(0, later.successes_);
  for (const auto& [code, tally] : later.counts_) add_code(code, tally);
  totals.responses += later.totals.other_codes;
  totals.other_codes += later.totals.other_codes;
  totals.unreadable += later.totals.unreadable;
  totals.passed_over += later.totals.passed_over;
  for (const auto& [kind, tally] : later.callbacks_) add_callbacks(kind, tally);
  if (totals.mentioning_code == 0) totals.first_mention = later.totals.first_mention;
  totals.mentioning_code += later.totals.mentioning_code;
}

void CallbackTally::add_failed_task(const std::string& id) {
  if (failed_tasks.size() < kFailedTasksKept &&
      std::ranges::find(failed_tasks, id) == failed_tasks.end())
    failed_tasks.push_back(id);
}

void StatsTally::callback(const TaskReport& callback, const Origin& origin) {
  CallbackKind kind{*callback.event_type, callback.status};
  auto it = callbacks_.find(kind);
  if (it == callbacks_.end()) {
    it = callbacks_.try_emplace(callbacks_.size() < kMaxDistinctCodes ? kind : kOtherCallbacks)
             .first;
  }
  CallbackTally& mine = it->second;
  if (mine.tally.count++ == 0) first_at(mine.tally, origin);
  if (callback.time)
    mine.tally.seen.at(callback.time);
  else if (callback.event_time)
    mine.tally.seen.at(event_time_text(*callback.event_time));
  if (task_failed(callback)) {
    // A drive task is named by its DriveId, a stream task by its TaskId.
    bool drive = task_of(callback) == Task::drive && callback.drive_id;
    const std::optional<std::string>& id = drive ? callback.drive_id : callback.task_id;
    if (id) mine.add_failed_task(*id);
  }
}

void StatsTally::add_callbacks(const CallbackKind& kind, const CallbackTally& later) {
  CallbackTally& mine = callbacks_[kind];
  if (mine.tally.count == 0) {
    mine = later;
    return;
  }
  mine.tally.count += later.tally.count;
  mine.tally.seen.then(later.tally.seen);
  for (const std::string& id : later.failed_tasks) mine.add_failed_task(id);
}

std::uint64_t StatsTally::callback_count() const {
  std::uint64_t count = 0;
  for (const auto& [kind, tally] : callbacks_) count += tally.tally.count;
  return count;
}

std::vector<CodeCount> StatsTally::rows() const {
  std::vector<CodeCount> rows;
  if (successes_.count > 0) rows.push_back({0, &successes_});
  for (const auto& [code, tally] : counts_) rows.push_back({code, &tally});
  std::ranges::sort(rows, [](const CodeCount& a, const CodeCount& b) {
    return a.tally->count != b.tally->count ? a.tally->count > b.tally->count : a.code < b.code;
  });
  return rows;
}

}  // namespace dhcode
