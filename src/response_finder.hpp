// The stage between the record splitter and a command: parses each record,
// decides whether it is a response, and hands responses and problems on.
#pragma once

#include <string_view>

#include "record_splitter.hpp"
#include "response.hpp"

namespace dhcode {

// Receives what an input holds, record by record, as soon as each is read.
// Each command that reads responses (explain, check, stats) has one.
class ResponseHandler {
 public:
  virtual ~ResponseHandler() = default;
  virtual void response(const Response& response, const Origin& origin) = 0;
  // A record that should be a response and is not: invalid JSON, no Code, a
  // Code of the wrong type or out of range, incomplete, too long.
  virtual void bad_record(const Origin& origin, std::string_view why) = 0;
  // Text that holds no response (a header, a log line, an object without a
  // Code key embedded in log text).
  virtual void passed_over(const Origin& origin) = 0;
};

// A record found in log text is only taken for a response when it has a
// Code key (or, if it is not valid JSON, mentions one); anything else found
// there is passed over.
class ResponseFinder : public RecordSink {
 public:
  // Message and RequestId are left out of the responses unless with_text.
  ResponseFinder(std::string_view name, ResponseHandler& handler, bool with_text)
      : name_(name), handler_(handler), with_text_(with_text) {}

  bool record(const Record& record, bool guess) override;
  void problem(std::size_t line, std::string_view why) override;
  void other_line(std::size_t line) override;

 private:
  std::string_view name_;
  ResponseHandler& handler_;
  bool with_text_;
  ResponseParser parser_;
};

}  // namespace dhcode
