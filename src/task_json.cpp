#include "task_json.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace dhcode {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// A whole number, as a number or a numeric string (as Code is read).
std::optional<std::int64_t> whole_number(element value) {
  switch (value.type()) {
    case element_type::INT64:
      return value.get_int64().value_unsafe();
    case element_type::UINT64:
      return std::nullopt;  // beyond what any documented value is
    case element_type::DOUBLE: {
      double number = value.get_double().value_unsafe();
      // Beyond 2^63 (and NaN) no cast is defined; numbers beyond 64 bits
      // are read as +-1e300 (json_syntax.hpp).
      constexpr double kLimit = 9.2e18;
      if (!(number > -kLimit && number < kLimit) || number != std::floor(number))
        return std::nullopt;
      return static_cast<std::int64_t>(number);
    }
    case element_type::STRING: {
      std::string_view text = value.get_string().value_unsafe();
      std::int64_t number = 0;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
      if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
      return number;
    }
    default:
      return std::nullopt;
  }
}

// Ids are strings; a number or anything else is kept as its JSON text.
std::optional<std::string> text_of(element value) {
  if (value.is_null()) return std::nullopt;
  if (value.is_string()) return std::string(value.get_string().value_unsafe());
  return simdjson::minify(value);
}

// The members that name a task, wherever they appear (Detail, Data, a
// list's entry).
void read_task_member(std::string_view key, element value, TaskReport& report) {
  if (key == "TaskId")
    report.task_id = text_of(value);
  else if (key == "RoomId")
    report.room_id = text_of(value);
  else if (key == "StreamId")
    report.stream_id = text_of(value);
  else if (key == "DriveId")
    report.drive_id = text_of(value);
  else if (key == "FailReason")
    report.fail_reason = text_of(value);
}

// Reads Status and the ids of an object; false when Status is there and is
// no whole number.
bool read_status_object(simdjson::dom::object object, TaskReport& report, std::string& why) {
  for (simdjson::dom::key_value_pair field : object) {
    if (field.key != "Status") {
      read_task_member(field.key, field.value, report);
      continue;
    }
    report.status = whole_number(field.value);
    if (!report.status) {
      why = "callback's Detail.Status is not a whole number";
      return false;
    }
  }
  return true;
}

}  // namespace

bool read_callback(simdjson::dom::object object, TaskReport& report, std::string& why) {
  report = TaskReport{};
  simdjson::dom::element detail;
  for (simdjson::dom::key_value_pair field : object) {
    if (field.key == "EventType") {
      report.event_type = whole_number(field.value);
      if (!report.event_type) {
        why = "callback's EventType is not a whole number";
        return false;
      }
    } else if (field.key == "Detail") {
      detail = field.value;
    } else if (field.key == "EventTime") {
      report.event_time = whole_number(field.value);
    } else if (field.key == "AppId") {
      report.app_id = text_of(field.value);
    } else if (field.key == "Timestamp") {
      report.timestamp = text_of(field.value);
    } else if (field.key == "Nonce") {
      report.nonce = text_of(field.value);
    } else if (field.key == "Signature") {
      report.signature = text_of(field.value);
    } else {
      read_task_member(field.key, field.value, report);
    }
  }
  simdjson::dom::object details;
  if (detail.get_object().get(details)) {
    why = "callback's Detail is not an object";
    return false;
  }
  if (!read_status_object(details, report, why)) return false;
  if (!report.status && event_meaning(*report.event_type)) {
    why = fmt::format("callback of EventType {} without Detail.Status", *report.event_type);
    return false;
  }
  return true;
}

void read_statuses(simdjson::dom::element data, std::vector<TaskReport>& reports) {
  simdjson::dom::object object;
  if (data.get_object().get(object)) return;
  std::string why;
  TaskReport own;
  own.from = StatusFrom::stream_status;
  if (read_status_object(object, own, why) && own.status && (own.room_id || own.stream_id))
    reports.push_back(std::move(own));
  for (auto [key, from] : {std::pair{"TaskList", StatusFrom::task_list},
                           std::pair{"DriveList", StatusFrom::drive_list}}) {
    simdjson::dom::array list;
    if (object[key].get_array().get(list)) continue;
    for (element item : list) {
      simdjson::dom::object entry;
      TaskReport report;
      report.from = from;
      if (!item.get_object().get(entry) && read_status_object(entry, report, why) && report.status)
        reports.push_back(std::move(report));
    }
  }
}

}  // namespace dhcode
