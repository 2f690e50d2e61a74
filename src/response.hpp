// Reading one JSON record as an API response: {"Code":..., "Message":...,
// "RequestId":..., "Data":...}.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "registry.hpp"

namespace dhcode {

// Where a record came from: "api.log" line 12, or "stdin" line 1.
struct Origin {
  std::string_view name;
  std::size_t line = 0;
};

struct Response {
  Code code = 0;
  std::optional<std::string> message;     // the server's own text
  std::optional<std::string> request_id;  // the id support asks for
};

enum class RecordKind {
  response,      // a response with a valid Code
  not_json,      // not valid JSON
  not_response,  // valid JSON, but not a response with a valid Code
};

struct ReadRecord {
  RecordKind kind = RecordKind::not_json;
  Response response;  // when kind is response
  std::string why;    // otherwise: what is wrong, for the user
  bool has_code_key = false;
};

// Parses records with simdjson, validating each whole (a record cut off
// after its Code is still invalid). Keeps its buffers between records.
class ResponseParser {
 public:
  ResponseParser();
  ~ResponseParser();
  ResponseParser(const ResponseParser&) = delete;
  ResponseParser& operator=(const ResponseParser&) = delete;

  // json must be followed by kLinePadding readable bytes (line_reader.hpp).
  // Message and RequestId are copied out only when asked for.
  ReadRecord read(std::string_view json, bool with_text = true);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dhcode
