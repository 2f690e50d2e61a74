#include "stats_tally.hpp"

#include <fmt/format.h>

#include <algorithm>

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
  if (totals.mentioning_code == 0) totals.first_mention = later.totals.first_mention;
  totals.mentioning_code += later.totals.mentioning_code;
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
