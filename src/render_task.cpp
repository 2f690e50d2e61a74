#include "render_task.hpp"

#include <fmt/color.h>
#include <fmt/format.h>

#include "render_parts.hpp"
#include "safe_text.hpp"
#include "words.hpp"

namespace dhcode {
namespace {

std::string_view not_documented(Language language) {
  return words_for(language).not_documented;
}

// "2: Video stream task initialization failed." (red when it failed),
// "7: not documented", or "not given".
std::string status_text(const TaskReport& report, bool color, Language language) {
  if (!report.status) return say(language, "not given", "未给出");
  const StatusMeaning* meaning = status_meaning(report);
  if (!meaning) return fmt::format("{}: {}", *report.status, not_documented(language));
  std::string_view text = meaning_in(*meaning, language);
  std::string shown = fmt::format("{}: {}", *report.status, text);
  if (report.from == StatusFrom::stream_status && !meaning->on_status_page)
    shown += say(language, " (as the callback page says; the status page lists 1 to 4)",
                 "（回调页面的含义；状态页面只列出 1 至 4）");
  return meaning->failed ? paint(shown, fg(fmt::terminal_color::red), color) : shown;
}

std::string_view speaking(const StatusMeaning* meaning, Language language) {
  if (!meaning) return {};
  return speaking_in(*meaning, language);
}

// The ids a report carries, in the order the pages list them.
std::vector<std::pair<std::string_view, const std::optional<std::string>*>> ids_of(
    const TaskReport& report) {
  return {{"TaskId", &report.task_id},
          {"RoomId", &report.room_id},
          {"StreamId", &report.stream_id},
          {"DriveId", &report.drive_id}};
}

std::string event_text(const TaskReport& callback, Language language) {
  const EventMeaning* event = event_meaning(*callback.event_type);
  if (!event)
    return fmt::format("EventType {}: {}", *callback.event_type,
                       say(language, "not documented (the sources document 3 and 4)",
                           "未记载（文档只记载了 3 和 4）"));
  return fmt::format("EventType {}: {}", *callback.event_type, meaning_in(*event, language));
}

std::string_view task_name(std::optional<Task> task) {
  if (!task) return {};
  return *task == Task::stream ? "stream" : "drive";
}

// The keys every task status has in JSON, callback or response.
void add_status_keys(nlohmann::ordered_json& out, const TaskReport& report, Language language) {
  const StatusMeaning* meaning = status_meaning(report);
  std::optional<Task> task = task_of(report);
  out["task"] = task ? nlohmann::ordered_json(std::string(task_name(task))) : nullptr;
  out["status"] = report.status ? nlohmann::ordered_json(*report.status) : nullptr;
  out["documented"] = meaning != nullptr;
  out["meaning"] =
      meaning ? nlohmann::ordered_json(std::string(meaning_in(*meaning, language))) : nullptr;
  out["failed"] = meaning && meaning->failed;
  std::string_view speaks = speaking(meaning, language);
  out["speaking"] = text_or_null(speaks);
  out["fail_reason"] = text_or_null(report.fail_reason);
  out["task_id"] = text_or_null(report.task_id);
  out["room_id"] = text_or_null(report.room_id);
  out["stream_id"] = text_or_null(report.stream_id);
  out["drive_id"] = text_or_null(report.drive_id);
  out["source"] = std::string(task_source(report, language));
}

}  // namespace

std::string describe_status(const TaskReport& report, Language language) {
  std::string what = report.from == StatusFrom::callback
                         ? fmt::format("EventType {}, Status ", *report.event_type)
                         : std::string("Status ");
  return what + status_text(report, false, language);
}

std::string render_callback_text(const TaskReport& callback, const Origin& origin, bool color,
                                 Language language) {
  const Words& w = words_for(language);
  std::string out =
      fmt::format("{}  {}\n", paint(say(language, "callback", "回调"), fmt::emphasis::bold, color),
                  event_text(callback, language));
  if (event_meaning(*callback.event_type) || callback.status)
    append_labelled_line(out, say(language, "Status", "状态"),
                         status_text(callback, color, language), color, language);
  if (std::string_view speaks = speaking(status_meaning(callback), language); !speaks.empty())
    append_labelled_line(out, say(language, "Speaking", "说话状态"), speaks, color, language);
  if (callback.fail_reason)
    append_labelled_line(out, say(language, "Reason", "失败原因"), visible(*callback.fail_reason),
                         color, language);
  for (auto [name, id] : ids_of(callback))
    if (*id) append_labelled_line(out, name, visible(**id), color, language);
  if (callback.event_time) {
    std::string at = event_time_text(*callback.event_time);
    append_labelled_line(out, say(language, "EventTime", "事件时间"),
                         at.empty() ? std::to_string(*callback.event_time) : at, color, language);
  }
  if (callback.time) append_labelled_line(out, w.time, visible(*callback.time), color, language);
  append_labelled_line(out, w.source, task_source(callback, language), color, language);
  append_labelled_line(out, w.from, fmt::format("{}:{}", visible(origin.name), origin.line), color,
                       language);
  return out;
}

nlohmann::ordered_json render_callback_json(const TaskReport& callback, const Origin& origin,
                                            Language language) {
  nlohmann::ordered_json out;
  out["event_type"] = *callback.event_type;
  const EventMeaning* event = event_meaning(*callback.event_type);
  out["event"] =
      event ? nlohmann::ordered_json(std::string(meaning_in(*event, language))) : nullptr;
  add_status_keys(out, callback, language);
  out["app_id"] = text_or_null(callback.app_id);
  std::string at = callback.event_time ? event_time_text(*callback.event_time) : std::string();
  out["event_time"] = text_or_null(std::string_view(at));
  out["event_time_raw"] =
      callback.event_time ? nlohmann::ordered_json(*callback.event_time) : nullptr;
  out["file"] = std::string(origin.name);
  out["line"] = origin.line;
  out["time"] = text_or_null(callback.time);
  out["lang"] = name_of(language);
  return out;
}

namespace {

// When the record was logged, else when the event happened (UTC).
std::string when(const TaskReport& callback) {
  if (callback.time) return *callback.time;
  return callback.event_time ? event_time_text(*callback.event_time) : std::string();
}

}  // namespace

std::string render_callback_short_text(const TaskReport& callback, const Origin& origin, bool color,
                                       Language language) {
  std::string time = visible(when(callback));
  return fmt::format(
      "{}  {}:{}  {}  {}\n", time.empty() ? "-" : time, visible(origin.name), origin.line,
      paint(fmt::format("EventType {}", *callback.event_type), fmt::emphasis::bold, color),
      status_text(callback, color, language));
}

nlohmann::ordered_json render_callback_short_json(const TaskReport& callback, const Origin& origin,
                                                  Language language) {
  nlohmann::ordered_json out;
  out["time"] = text_or_null(std::string_view(when(callback)));
  out["file"] = std::string(origin.name);
  out["line"] = origin.line;
  out["event_type"] = *callback.event_type;
  out["status"] = callback.status ? nlohmann::ordered_json(*callback.status) : nullptr;
  const StatusMeaning* meaning = status_meaning(callback);
  out["meaning"] =
      meaning ? nlohmann::ordered_json(std::string(meaning_in(*meaning, language))) : nullptr;
  out["failed"] = meaning && meaning->failed;
  out["lang"] = name_of(language);
  return out;
}

std::string render_task_lines(const std::vector<TaskReport>& tasks, bool color, Language language) {
  std::string out;
  for (const TaskReport& task : tasks) {
    std::string ids;
    for (auto [name, id] : ids_of(task))
      if (*id) ids += fmt::format("{}{} {}", ids.empty() ? "" : ", ", name, visible(**id));
    std::string value = status_text(task, color, language);
    if (!ids.empty()) value += fmt::format(" ({})", ids);
    bool drive = task_of(task) == Task::drive;
    append_labelled_line(out,
                         drive ? say(language, "Drive", "驱动任务") : say(language, "Task", "任务"),
                         value, color, language);
    if (task.fail_reason)
      append_labelled_line(out, say(language, "Reason", "失败原因"), visible(*task.fail_reason),
                           color, language);
  }
  return out;
}

nlohmann::ordered_json render_tasks_json(const std::vector<TaskReport>& tasks, Language language) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const TaskReport& task : tasks) {
    nlohmann::ordered_json entry;
    switch (task.from) {
      case StatusFrom::stream_status:
        entry["from"] = "Data";
        break;
      case StatusFrom::task_list:
        entry["from"] = "TaskList";
        break;
      default:
        entry["from"] = "DriveList";
        break;
    }
    add_status_keys(entry, task, language);
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace dhcode
