// Reading one JSON record as an API response: {"Code":..., "Message":...,
// "RequestId":..., "Data":...}.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry.hpp"
#include "task_status.hpp"

namespace dhcode {

// Where a record came from: "api.log" line 12, or "stdin" line 1.
struct Origin {
  std::string_view name;
  std::size_t line = 0;
  std::size_t column = 0;  // 0: not known (only bad records name one)
};

struct Response {
  Code code = 0;
  std::optional<std::string> message;     // the server's own text
  std::optional<std::string> request_id;  // the id support asks for
  std::optional<std::string> time;        // when the record was logged, where it says
  // The task statuses its Data holds (task_json.hpp), read with Message.
  std::vector<TaskReport> tasks;
};

// Sets to to text, in the room to already has: responses read record after
// record reuse their texts rather than make new ones.
inline void assign_text(std::optional<std::string>& to, std::optional<std::string_view> text) {
  if (!text)
    to.reset();
  else if (to)
    to->assign(*text);
  else
    to.emplace(*text);
}

enum class RecordKind {
  responses,     // one response or callback or more: the record's own Code, or inside it
  not_json,      // not valid JSON
  bad_response,  // a response gone wrong: its Code is not a code, or appears twice
  no_response,   // valid JSON that holds no response (an ordinary log event)
};

// How deep below a record that has no Code of its own responses are looked
// for (docs/logs.md).
inline constexpr int kNestedSearchDepth = 8;

struct ReadRecord {
  RecordKind kind = RecordKind::not_json;
  std::vector<Response> responses;    // when kind is responses
  std::vector<TaskReport> callbacks;  // when kind is responses: the callbacks found
  // String values that mention Code or EventType, to be searched as text (docker's "log",
  // journald's MESSAGE, a logger's "msg"), valid until the next read.
  std::vector<std::string_view> texts;
  // journald's fields of bytes ("MESSAGE":[27,91,...]: what journalctl -o
  // json writes for a message with a control character such as a colour
  // escape, or with bytes that are not UTF-8), decoded; texts point here
  // (a list: its strings stay where they are as more are added).
  std::list<std::string> decoded_bytes;
  std::optional<std::string_view> time;  // the record's own time, valid until the next read
  // When the record is docker's json-file form ({"log":...,"stream":...}),
  // with no response of its own: its log string, valid until the next read.
  // Without a line end at its close, it is a part of a longer line (dockerd
  // splits lines over 16 KiB); only set when kind is no_response.
  std::optional<std::string_view> docker_log;
  std::string why;                            // for not_json and bad_response: what is wrong
  std::optional<std::size_t> problem_offset;  // for not_json: where in the text
  bool has_code_key = false;                  // the record itself has a Code key
  // For no_response: a key that is Code in another case ({"code":...}),
  // without Message or RequestId beside it (an HTTP status, most likely,
  // but the nearest miss when an input holds no response).
  std::string miscased_code;
};

// Parses records with simdjson, validating each whole (a record cut off
// after its Code is still invalid); valid JSON that simdjson cannot take as
// it is (numbers beyond 64 bits, lone surrogates) is read all the same, and
// invalid JSON is told where and why (json_syntax.hpp). Keeps its buffers
// between records.
class ResponseParser {
 public:
  ResponseParser();
  ~ResponseParser();
  ResponseParser(const ResponseParser&) = delete;
  ResponseParser& operator=(const ResponseParser&) = delete;

  // json must be followed by kLinePadding readable bytes (line_reader.hpp).
  // Message and RequestId are copied out only when asked for. The result
  // stays valid until the next call.
  const ReadRecord& read(std::string_view json, bool with_text = true);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dhcode
