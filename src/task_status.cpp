#include "task_status.hpp"

#include <array>
#include <climits>

#include "log_time.hpp"

namespace dhcode {
namespace {

// Word for word from receiving-callback-{en,zh}.mdx.txt (2026-05-11); the
// status page (status-get-digital-human-stream-task-status) lists 1 to 4
// with the same words, and drive statuses 2 and 4 are what the callback
// and drive-status pages say of speaking.
constexpr std::array kEvents{
    EventMeaning{3, Task::stream, "Digital Human video stream task status.",
                 "数字人视频流任务状态。"},
    EventMeaning{4, Task::drive, "Digital Human video stream drive task status.",
                 "数字人视频流驱动任务状态。"},
};

constexpr std::array kStatuses{
    StatusMeaning{Task::stream, 1, "Video stream task initializing.", "视频流任务初始化中。", false,
                  "", "", true},
    StatusMeaning{Task::stream, 2, "Video stream task initialization failed.",
                  "视频流任务初始化失败。", true, "", "", true},
    StatusMeaning{Task::stream, 3, "Streaming.", "推流中。", false, "", "", true},
    StatusMeaning{Task::stream, 4, "Stopping stream.", "正在停止推流。", false, "", "", true},
    StatusMeaning{Task::stream, 5, "Stream stopped.", "已停止推流。", false, "", "", false},
    StatusMeaning{Task::drive, 1, "Queued.", "排队中。", false, "", "", false},
    StatusMeaning{Task::drive, 2, "Driving.", "驱动中。", false,
                  "The digital human starts speaking.", "数字人开始说话", false},
    StatusMeaning{Task::drive, 3, "Drive failed.", "驱动失败。", true, "", "", false},
    StatusMeaning{Task::drive, 4, "Drive ended.", "驱动结束。", false,
                  "The digital human finishes speaking.", "数字人说话结束", false},
};

}  // namespace

const EventMeaning* event_meaning(std::int64_t event_type) {
  for (const EventMeaning& event : kEvents)
    if (event.event_type == event_type) return &event;
  return nullptr;
}

const StatusMeaning* status_meaning(Task task, std::int64_t status) {
  for (const StatusMeaning& meaning : kStatuses)
    if (meaning.task == task && meaning.status == status) return &meaning;
  return nullptr;
}

std::optional<Task> task_of(const TaskReport& report) {
  switch (report.from) {
    case StatusFrom::stream_status:
    case StatusFrom::task_list:
      return Task::stream;
    case StatusFrom::drive_list:
      return Task::drive;
    case StatusFrom::callback:
      break;
  }
  if (!report.event_type) return std::nullopt;
  const EventMeaning* event = event_meaning(*report.event_type);
  if (!event) return std::nullopt;
  return event->task;
}

const StatusMeaning* status_meaning(const TaskReport& report) {
  std::optional<Task> task = task_of(report);
  if (!task || !report.status) return nullptr;
  return status_meaning(*task, *report.status);
}

bool task_failed(const TaskReport& report) {
  const StatusMeaning* meaning = status_meaning(report);
  return meaning && meaning->failed;
}

bool documented(const TaskReport& report) {
  return status_meaning(report) != nullptr;
}

std::string_view task_source(const TaskReport& report, Language language) {
  bool zh = language == Language::zh;
  switch (report.from) {
    case StatusFrom::callback:
      return zh ? "数字人 API，接收回调（2026-05-11）"
                : "Digital Human API, Receiving Callbacks (2026-05-11)";
    case StatusFrom::stream_status: {
      const StatusMeaning* meaning = status_meaning(report);
      if (meaning && !meaning->on_status_page)
        return zh ? "数字人 API，接收回调（2026-05-11）；获取数字人视频流任务状态的页面未列出此值"
                  : "Digital Human API, Receiving Callbacks (2026-05-11); not listed on "
                    "the GetDigitalHumanStreamTaskStatus page";
      return zh ? "数字人 API，获取数字人视频流任务状态（2026-03-20）"
                : "Digital Human API, Get Digital Human Video Stream Task Status (2026-03-20)";
    }
    case StatusFrom::task_list:
      return zh ? "数字人 API，接收回调（2026-05-11），视频流任务状态"
                : "Digital Human API, Receiving Callbacks (2026-05-11), video stream task status";
    case StatusFrom::drive_list:
      return zh ? "数字人 API，接收回调（2026-05-11），驱动任务状态"
                : "Digital Human API, Receiving Callbacks (2026-05-11), drive task status";
  }
  return {};
}

std::string event_time_text(std::int64_t event_time) {
  // Ten digits or fewer: seconds (as the status page's CreateTime is).
  constexpr std::int64_t kSecondsBelow = 100'000'000'000;
  constexpr std::int64_t kLargest = INT64_MAX / 1000;
  std::string out;
  if (event_time < 0 || event_time > kLargest) return out;
  bool seconds = event_time < kSecondsBelow;
  std::uint64_t micros = static_cast<std::uint64_t>(event_time) * (seconds ? 1'000'000 : 1000);
  if (!utc_time(micros, seconds ? 0 : 3, out)) out.clear();
  return out;
}

std::string_view timestamp_unit(std::string_view timestamp) {
  if (timestamp.empty() || timestamp.find_first_not_of("0123456789") != std::string_view::npos)
    return {};
  if (timestamp.size() <= 10) return "seconds";
  if (timestamp.size() == 13) return "milliseconds";
  return {};
}

}  // namespace dhcode
