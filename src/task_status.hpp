// What the Digital Human service says about a running task, apart from
// return codes: the callbacks it POSTs to the integrator's server
// (EventType 3: a video stream task's status; 4: a drive task's) and the
// Status its status APIs answer with. The documented values are one table
// (task_status.cpp), from the receiving-callback and status pages
// (FACTS.md, "Callbacks and task statuses").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "language.hpp"

namespace dhcode {

enum class Task { stream, drive };

// Where a status was read.
enum class StatusFrom {
  callback,       // a callback's Detail.Status
  stream_status,  // Data.Status of a GetDigitalHumanStreamTaskStatus response
  task_list,      // an entry of Data.TaskList (QueryDigitalHumanStreamTasks)
  drive_list,     // an entry of Data.DriveList (GetDriveStatus)
};

// One callback, or one status in a response's Data. Ids and texts are the
// service's (untrusted); what was not in the payload is empty.
struct TaskReport {
  StatusFrom from = StatusFrom::callback;
  std::optional<std::int64_t> event_type;  // callbacks only
  std::optional<std::int64_t> status;
  std::optional<std::string> task_id, room_id, stream_id, drive_id, fail_reason;
  std::optional<std::int64_t> event_time;  // callbacks: EventTime as sent
  std::optional<std::string> app_id;       // callbacks: AppId as sent
  std::optional<std::string> timestamp;    // callbacks: Timestamp as sent
  std::optional<std::string> nonce;        // callbacks: Nonce as sent
  std::optional<std::string> signature;    // callbacks: Signature as sent
  std::optional<std::string> time;         // the log record's time, where it says
};

// A documented EventType.
struct EventMeaning {
  std::int64_t event_type;
  Task task;
  std::string_view en, zh;
};

// A documented Status of a task, word for word from the callback page.
struct StatusMeaning {
  Task task;
  std::int64_t status;
  std::string_view en, zh;
  bool failed;                   // the task failed: check's status 1
  std::string_view speaking_en;  // what a drive status says of speaking
  std::string_view speaking_zh;
  bool on_status_page;  // GetDigitalHumanStreamTaskStatus lists it too
};

const EventMeaning* event_meaning(std::int64_t event_type);

// The meaning as the page in that language words it.
inline std::string_view meaning_in(const EventMeaning& event, Language language) {
  return language == Language::zh ? event.zh : event.en;
}
inline std::string_view meaning_in(const StatusMeaning& status, Language language) {
  return language == Language::zh ? status.zh : status.en;
}
inline std::string_view speaking_in(const StatusMeaning& status, Language language) {
  return language == Language::zh ? status.speaking_zh : status.speaking_en;
}

const StatusMeaning* status_meaning(Task task, std::int64_t status);

// The task a report is about: from where it was read, or from a callback's
// EventType; none for an EventType the sources do not document.
std::optional<Task> task_of(const TaskReport& report);

// The documented meaning of the report's Status, or null (not documented,
// or no Status).
const StatusMeaning* status_meaning(const TaskReport& report);

// Whether the report says its task failed (a stream task's initialization,
// a drive task).
bool task_failed(const TaskReport& report);

// Whether a documented meaning holds for the report: the EventType and the
// Status are both in the sources.
bool documented(const TaskReport& report);

// Where the meaning comes from, for the Source line and JSON.
std::string_view task_source(const TaskReport& report, Language language);

// EventTime (milliseconds, as documented; ten digits or fewer read as
// seconds) as RFC 3339 in UTC: "2023-04-11T14:11:50.034Z". Empty for a
// time before 1970 or after 9999.
std::string event_time_text(std::int64_t event_time);

// What unit a callback Timestamp is in, by its digits: "seconds" (10 or
// fewer, as in every example), "milliseconds" (13, as the parameter table
// says), or empty for neither.
std::string_view timestamp_unit(std::string_view timestamp);

}  // namespace dhcode
