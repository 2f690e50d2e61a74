#include <doctest/doctest.h>

#include <string>

#include "line_reader.hpp"
#include "response.hpp"
#include "stats_tally.hpp"
#include "task_status.hpp"

using namespace dhcode;

namespace {

ReadRecord read(const std::string& json) {
  static ResponseParser parser;
  std::string padded = json + std::string(kLinePadding, ' ');
  return parser.read(std::string_view(padded.data(), json.size()));
}

TaskReport callback(std::int64_t event_type, std::optional<std::int64_t> status) {
  TaskReport report;
  report.event_type = event_type;
  report.status = status;
  return report;
}

}  // namespace

TEST_SUITE("task_status") {
  TEST_CASE("the documented statuses, word for word, and which are failures") {
    CHECK(status_meaning(Task::stream, 2)->en == "Video stream task initialization failed.");
    CHECK(status_meaning(Task::stream, 2)->zh == "视频流任务初始化失败。");
    CHECK(status_meaning(Task::stream, 5)->en == "Stream stopped.");
    CHECK_FALSE(status_meaning(Task::stream, 5)->on_status_page);
    CHECK(status_meaning(Task::drive, 4)->speaking_en == "The digital human finishes speaking.");
    CHECK(status_meaning(Task::stream, 6) == nullptr);
    CHECK(status_meaning(Task::drive, 5) == nullptr);
    CHECK(task_failed(callback(3, 2)));
    CHECK(task_failed(callback(4, 3)));
    CHECK_FALSE(task_failed(callback(3, 3)));
    CHECK_FALSE(task_failed(callback(4, 2)));
    CHECK_FALSE(documented(callback(9, 1)));
    CHECK_FALSE(documented(callback(3, std::nullopt)));
    TaskReport drive_entry;
    drive_entry.from = StatusFrom::drive_list;
    drive_entry.status = 3;
    CHECK(task_failed(drive_entry));
  }

  TEST_CASE("EventTime in milliseconds, or seconds when it has ten digits or fewer") {
    CHECK(event_time_text(1681221510034) == "2023-04-11T13:58:30.034Z");
    CHECK(event_time_text(1681221510) == "2023-04-11T13:58:30Z");
    CHECK(event_time_text(0) == "1970-01-01T00:00:00Z");
    CHECK(event_time_text(-1).empty());
    CHECK(event_time_text(253402300800000).empty());  // year 10000
    CHECK(event_time_text(INT64_MAX).empty());
  }

  TEST_CASE("a Timestamp's unit, by its digits") {
    CHECK(timestamp_unit("1681221510") == "seconds");
    CHECK(timestamp_unit("1681221510034") == "milliseconds");
    CHECK(timestamp_unit("16812215100") == "");
    CHECK(timestamp_unit("16x").empty());
    CHECK(timestamp_unit("").empty());
  }

  TEST_CASE("a callback record is read with its ids, time and status") {
    ReadRecord record = read(
        R"({"AppId":123456789,"TaskId":"t1","EventType":3,"Nonce":"n","Timestamp":"1681221510",)"
        R"("Signature":"s","EventTime":1681221510034,"time":"2026-12-01T10:00:00Z",)"
        R"("Detail":{"Status":2,"RoomId":"r1","StreamId":"s1","FailReason":"why"}})");
    REQUIRE(record.kind == RecordKind::responses);
    CHECK(record.responses.empty());
    REQUIRE(record.callbacks.size() == 1);
    const TaskReport& got = record.callbacks[0];
    CHECK(*got.event_type == 3);
    CHECK(*got.status == 2);
    CHECK(*got.task_id == "t1");
    CHECK(*got.room_id == "r1");
    CHECK(*got.stream_id == "s1");
    CHECK(*got.fail_reason == "why");
    CHECK(*got.event_time == 1681221510034);
    CHECK(*got.app_id == "123456789");
    CHECK(*got.timestamp == "1681221510");
    CHECK(*got.time == "2026-12-01T10:00:00Z");
  }

  TEST_CASE("a callback nested in a log record, and numbers given as strings") {
    ReadRecord record = read(
        R"({"msg":"received","body":{"EventType":"4","Detail":{"DriveId":"d","Status":"3"}}})");
    REQUIRE(record.callbacks.size() == 1);
    CHECK(*record.callbacks[0].event_type == 4);
    CHECK(*record.callbacks[0].status == 3);
    CHECK(*record.callbacks[0].drive_id == "d");
  }

  TEST_CASE("a callback that cannot be read says why") {
    CHECK(read(R"({"EventType":1.5,"Detail":{}})").why ==
          "callback's EventType is not a whole number");
    CHECK(read(R"({"EventType":3,"Detail":"x"})").why == "callback's Detail is not an object");
    CHECK(read(R"({"EventType":4,"Detail":{"Status":null}})").why ==
          "callback's Detail.Status is not a whole number");
    CHECK(read(R"({"EventType":3,"Detail":{}})").why ==
          "callback of EventType 3 without Detail.Status");
    CHECK(read(R"({"EventType":3,"Detail":{}})").kind == RecordKind::bad_response);
    // An undocumented EventType need not have a Status.
    CHECK(read(R"({"EventType":8,"Detail":{}})").kind == RecordKind::responses);
    // Found by fuzzing: a number beyond 64 bits has no whole value to take.
    CHECK(read(R"({"EventType":3,"Detail":{"Status":1e300}})").why ==
          "callback's Detail.Status is not a whole number");
    CHECK(read(R"({"EventType":99999999999999999999999,"Detail":{}})").why ==
          "callback's EventType is not a whole number");
    // EventType without Detail is an ordinary record.
    CHECK(read(R"({"EventType":3})").kind == RecordKind::no_response);
  }

  TEST_CASE("the statuses of a status response's Data") {
    ReadRecord record =
        read(R"({"Code":0,"Data":{"RoomId":"r","StreamId":"s","Status":1,"CreateTime":1}})");
    REQUIRE(record.responses.size() == 1);
    REQUIRE(record.responses[0].tasks.size() == 1);
    CHECK(record.responses[0].tasks[0].from == StatusFrom::stream_status);
    CHECK(*record.responses[0].tasks[0].status == 1);

    record = read(
        R"({"Code":0,"Data":{"DriveList":[{"DriveId":"a","Status":2},{"DriveId":"b","Status":3}]}})");
    REQUIRE(record.responses[0].tasks.size() == 2);
    CHECK(record.responses[0].tasks[1].from == StatusFrom::drive_list);
    CHECK(task_failed(record.responses[0].tasks[1]));

    // Another API's Status (the AI Agent's is a string) is not a task status.
    record = read(R"({"Code":0,"Data":{"Status":"IDLE"}})");
    CHECK(record.responses[0].tasks.empty());
    record = read(R"({"Code":0,"Data":{"Status":3}})");  // no RoomId or StreamId beside it
    CHECK(record.responses[0].tasks.empty());
    // The next record does not keep the statuses of the one before.
    record = read(R"({"Code":0})");
    CHECK(record.responses[0].tasks.empty());
  }

  TEST_CASE("stats counts callbacks by kind and adds tallies as one run would") {
    StatsTally first, second;
    TaskReport failed = callback(3, 2);
    failed.task_id = "t1";
    first.callback(failed, {"a.log", 1});
    first.callback(callback(4, 2), {"a.log", 2});
    failed.task_id = "t2";
    second.callback(failed, {"b.log", 5});
    failed.task_id = "t1";
    second.callback(failed, {"b.log", 6});
    first.add(second);
    CHECK(first.callback_count() == 4);
    const CallbackTally& failures = first.callbacks().at({3, 2});
    CHECK(failures.tally.count == 3);
    CHECK(failures.tally.first_file == "a.log");
    CHECK(failures.failed_tasks == std::vector<std::string>{"t1", "t2"});
  }
}
