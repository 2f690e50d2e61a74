// Finding the JSON records in a stream of lines.
//
// Input may be one response (compact or pretty-printed), a JSON array of
// responses, NDJSON, objects one after another, or log lines and `curl -i`
// output with a response embedded after other text. The splitter finds each
// record and says where it begins; it does not parse them (that is the
// next stage's work) beyond tracking nesting, strings and escapes to know
// where a record ends. Memory is bounded: a record longer than max_record_bytes()
// is reported and skipped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "json_syntax.hpp"
#include "line_reader.hpp"

namespace dhcode {

// Whether a line is, by its first and last characters, one whole object:
// most lines of a log of responses, offered as they are before a closer look.
inline bool looks_like_one_object(std::string_view text) {
  return text.size() > 1 && text.front() == '{' && text.back() == '}';
}

struct Record {
  std::string_view json;    // kLinePadding readable bytes follow it
  std::size_t line = 0;     // where it begins
  std::size_t column = 0;   // and in which column (in characters; 0: count it from before)
  bool in_text = false;     // found after other text on a line (a log line)
  std::string_view before;  // the text before it on its line, when it is on one line
};

// Where an offset of a record lies in its input: line and column (in
// characters), for messages about a record that goes wrong.
TextPosition position_in(const Record& record, std::size_t offset);

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // A record was found. When `guess` is true the record is a whole line (or
  // the rest of one) offered without a closer look: the sink returns false,
  // reporting nothing, if it is not valid JSON, and the splitter looks closer.
  // Otherwise the sink deals with the record, valid or not, and returns true.
  virtual bool record(const Record& record, bool guess) = 0;
  // A record is broken in a way the splitter sees (too long, an array
  // without its closing bracket); column 0 when the whole line is meant.
  virtual void problem(std::size_t line, std::size_t column, std::string_view why) = 0;
  // A record that did not end where it had to: what was read of it, and
  // why it ended (the input ended, the next line starts something else).
  // The sink may find an earlier, more precise problem in it.
  virtual void incomplete(const Record& so_far, std::string_view why) = 0;
  // A line that holds no record and is part of none (a header, a log line).
  virtual void other_line(std::size_t line, std::string_view text) = 0;
};

class RecordSplitter {
 public:
  explicit RecordSplitter(RecordSink& sink) : sink_(sink) {}
  void line(const Line& line);
  void end();  // the input ended

 private:
  enum class State { outside, in_value, in_array };

  // Where the reading of one line stands.
  struct LineScan {
    std::string_view text;
    std::size_t number = 0;
    std::size_t pos = 0;          // the next character to look at
    std::size_t value_begin = 0;  // where the value being read began on this line
    bool holds_record = false;    // the line is part of a record (not an other line)
    bool spans_lines = false;     // the value being read began on an earlier line
    bool line_start = true;       // no text but JSON and white space seen on this line yet
    bool after_value = false;     // a value ended on this line, with no text before it
  };

  // One function for each state the line is read in; each returns whether
  // there is more of the line to read.
  bool read_value(LineScan& scan);
  bool read_array(LineScan& scan);
  [[gnu::always_inline]] inline bool read_outside(LineScan& scan);  // once per record: inlined
  bool read_log_text(LineScan& scan);
  void value_goes_on(const LineScan& scan);       // the value does not end on this line
  bool opens_pretty_value(const LineScan& scan);  // log text, then "{" ending the line
  void overlong_line(std::size_t number);

  void begin_value(const LineScan& scan, std::size_t pos, bool in_text, bool in_array);
  // Scans text from pos as part of the current value; returns the index just
  // past the value's end, or npos if the value goes on past this text.
  std::size_t find_value_end(std::string_view text, std::size_t pos);
  void finish_value(std::string_view whole, std::string_view before);
  void abandon_value(std::string_view why);
  [[gnu::always_inline]] inline bool try_whole(const LineScan& scan, std::size_t pos, bool in_text);

  RecordSink& sink_;
  State state_ = State::outside;

  // The value being read.
  std::string value_;         // its text so far, once it spans lines
  std::string value_before_;  // the log text before it, when it began after some
  std::size_t value_line_ = 0;
  std::size_t value_column_ = 1;
  bool value_in_text_ = false;
  bool value_in_array_ = false;
  bool value_too_long_ = false;
  bool scalar_ = false;
  bool in_string_ = false;
  bool escaped_ = false;
  std::size_t depth_ = 0;

  // The top-level array being read.
  std::size_t array_line_ = 0;
  bool expect_element_ = false;
  bool array_empty_ = false;
};

}  // namespace dhcode
