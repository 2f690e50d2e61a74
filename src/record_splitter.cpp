#include "record_splitter.hpp"

#include <fmt/format.h>

#include "json_syntax.hpp"

namespace dhcode {
namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::size_t skip_space(std::string_view text, std::size_t pos) {
  while (pos < text.size() && is_space(text[pos])) ++pos;
  return pos;
}

std::string_view trim_end(std::string_view text) {
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// A line that continues a record spread over lines starts as pretty-printers
// write them: with white space, a closing bracket, a string, a comma or a
// colon. Anything else at the very start of a line (a new "{", a log line's
// timestamp) means the record before it was cut off.
bool continues_record(std::string_view text) {
  return text.empty() || std::string_view(" \t}]\",:").find(text.front()) != npos;
}

// "[" at the start of a line opens an array of records only when "{", "[",
// "]" or the line's end follows, so a log line like "[INFO] ..." is text.
bool opens_array(std::string_view text, std::size_t after) {
  after = skip_space(text, after);
  return after == text.size() || text[after] == '{' || text[after] == '[' || text[after] == ']';
}

// A line starting like this may be a JSON value that is not an object.
bool may_start_scalar(char c) {
  return c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n';
}

// The column (1-based, in characters) at byte pos of a line.
std::size_t column_at(std::string_view text, std::size_t pos) {
  return position_of(text, pos, 1, 1).column;
}

}  // namespace

TextPosition position_in(const Record& record, std::size_t offset) {
  // A record on one line knows the text before it: its column is counted
  // from that only now, when a problem needs it.
  std::size_t column =
      record.column != 0 ? record.column : column_at(record.before, record.before.size());
  return position_of(record.json, offset, record.line, column);
}

bool RecordSplitter::opens_pretty_value(const LineScan& scan) {
  // (Views made by hand: a call of substr here made GCC stop inlining the
  // one in line(), which every record takes.)
  const char* text = scan.text.data();
  std::string_view opened =
      trim_end({text + scan.value_begin, scan.text.size() - scan.value_begin});
  if (opened != "{" && opened != "[") return false;
  value_before_.assign(text, scan.value_begin);  // for the line's time
  return true;
}

void RecordSplitter::begin_value(const LineScan& scan, std::size_t pos, bool in_text,
                                 bool in_array) {
  char first = scan.text[pos];
  state_ = State::in_value;
  value_.clear();
  value_before_.clear();
  value_line_ = scan.number;
  value_column_ = column_at(scan.text, pos);
  value_in_text_ = in_text;
  value_in_array_ = in_array;
  value_too_long_ = false;
  scalar_ = first != '{' && first != '[';
  in_string_ = false;
  escaped_ = false;
  depth_ = 0;
}

std::size_t RecordSplitter::find_value_end(std::string_view text, std::size_t pos) {
  for (std::size_t i = pos; i < text.size(); ++i) {
    char c = text[i];
    if (in_string_) {
      if (escaped_) {
        escaped_ = false;
      } else if (c == '\\') {
        escaped_ = true;
      } else if (c == '"') {
        in_string_ = false;
        if (depth_ == 0) return i + 1;  // a string that is a whole array element
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string_ = true;
        break;
      case '{':
      case '[':
        ++depth_;
        break;
      case '}':
      case ']':
        if (depth_ == 0) return i;  // the array's end closes an element such as 42
        if (--depth_ == 0) return i + 1;
        break;
      case ',':
      case ' ':
      case '\t':
        if (depth_ == 0) return i;  // the end of an element such as 42
        break;
      default:
        break;
    }
  }
  return npos;
}

void RecordSplitter::finish_value(std::string_view whole, std::string_view before) {
  state_ = value_in_array_ ? State::in_array : State::outside;
  if (value_in_array_) {
    expect_element_ = false;
    array_empty_ = false;
  }
  if (!value_too_long_)
    sink_.record({whole, value_line_, value_column_, value_in_text_, before}, false);
  value_.clear();
}

void RecordSplitter::abandon_value(std::string_view why) {
  if (!value_too_long_)
    sink_.incomplete({value_, value_line_, value_column_, value_in_text_, {}}, why);
  state_ = State::outside;  // an array the value was in is abandoned too
  value_.clear();
}

bool RecordSplitter::try_whole(const LineScan& scan, std::size_t pos, bool in_text) {
  std::string_view text = trim_end(scan.text.substr(pos));
  if (text.front() == '{' && text.back() != '}') return false;
  return sink_.record({text, scan.number, 0, in_text, scan.text.substr(0, pos)}, true);
}

void RecordSplitter::line(const Line& line) {
  if (line.too_long) {
    overlong_line(line.number);
    return;
  }
  // Most lines of a log of responses are one object, whole: offered as
  // read_outside would offer them, without the scan.
  std::string_view text = line.text;
  if (state_ == State::outside && looks_like_one_object(text) &&
      sink_.record({text, line.number, 0, false, {}}, true))
    return;
  LineScan scan{line.text, line.number};
  scan.holds_record = state_ != State::outside;
  scan.spans_lines = state_ == State::in_value;
  if (state_ == State::in_value && !continues_record(scan.text)) {
    abandon_value("incomplete record: the next line starts something else");
    scan.holds_record = false;
    scan.spans_lines = false;
  }
  for (;;) {
    if (state_ == State::in_value) {
      if (!read_value(scan)) break;
      continue;
    }
    scan.pos = skip_space(scan.text, scan.pos);
    if (scan.pos == scan.text.size()) break;
    bool go_on = state_ == State::in_array ? read_array(scan) : read_outside(scan);
    if (!go_on) break;
  }
  if (!scan.holds_record) sink_.other_line(line.number, line.text);
}

void RecordSplitter::overlong_line(std::size_t number) {
  sink_.problem(number, 0, too_long_message("line"));
  if (state_ == State::in_value) abandon_value("incomplete record: cut off by an overlong line");
  if (state_ == State::in_array)
    sink_.problem(array_line_, 0, "incomplete array: cut off by an overlong line");
  state_ = State::outside;
}

bool RecordSplitter::read_value(LineScan& scan) {
  std::string_view text = scan.text;
  std::size_t end = find_value_end(text, scan.pos);
  if (end == npos && scalar_ && !in_string_) end = text.size();
  if (end == npos) {
    value_goes_on(scan);
    return false;
  }
  if (scan.spans_lines) {
    if (!value_too_long_) value_.append(text.substr(0, end));
    value_.reserve(value_.size() + kLinePadding);
    finish_value(value_, value_before_);
  } else {
    finish_value(text.substr(scan.value_begin, end - scan.value_begin),
                 text.substr(0, scan.value_begin));
  }
  scan.pos = end;
  scan.spans_lines = false;
  scan.after_value = scan.line_start && !value_in_text_;
  return true;
}

void RecordSplitter::value_goes_on(const LineScan& scan) {
  if (value_in_text_ && !scan.spans_lines && !opens_pretty_value(scan)) {
    // A value after log text must end on its line, unless the line ends
    // where it opens ("... response: {", then json.dumps(indent=2)'s lines);
    // the sink decides whether the broken text was meant as a response.
    state_ = State::outside;
    sink_.record({scan.text.substr(scan.value_begin), value_line_, value_column_, true,
                  scan.text.substr(0, scan.value_begin)},
                 false);
    return;
  }
  std::string_view rest = scan.spans_lines ? scan.text : scan.text.substr(scan.value_begin);
  if (in_string_) {
    if (!value_too_long_) value_.append(rest).push_back('\n');
    abandon_value("invalid JSON: the line ends inside a string");
    return;
  }
  if (!value_too_long_ && value_.size() + rest.size() + 1 > max_record_bytes()) {
    sink_.problem(value_line_, 0, too_long_message("record"));
    value_too_long_ = true;
    value_.clear();
  }
  if (!value_too_long_) {
    value_.append(rest);
    value_.push_back('\n');
  }
}

bool RecordSplitter::read_array(LineScan& scan) {
  char c = scan.text[scan.pos];
  if (c == ']' && (!expect_element_ || array_empty_)) {
    state_ = State::outside;
    ++scan.pos;
  } else if (c == ',' && !expect_element_) {
    expect_element_ = true;
    ++scan.pos;
  } else if (expect_element_ && c != ',' && c != ']') {
    begin_value(scan, scan.pos, false, true);
    scan.value_begin = scan.pos;
  } else {
    sink_.problem(scan.number, 0,
                  fmt::format("invalid JSON: expected {} in the array begun at line {}",
                              expect_element_ ? "a value" : "',' or ']'", array_line_));
    state_ = State::outside;
    return false;
  }
  return true;
}

bool RecordSplitter::read_outside(LineScan& scan) {
  std::string_view text = scan.text;
  char c = text[scan.pos];
  if (scan.line_start && c == '{') {
    scan.holds_record = true;
    if (try_whole(scan, scan.pos, false)) return false;
    begin_value(scan, scan.pos, false, false);
    scan.value_begin = scan.pos;
    return true;
  }
  if (scan.line_start && c == '[' && opens_array(text, scan.pos + 1)) {
    scan.holds_record = true;
    state_ = State::in_array;
    array_line_ = scan.number;
    expect_element_ = true;
    array_empty_ = true;
    ++scan.pos;
    return true;
  }
  // Other JSON alone on a line ("42", "[1,2]") is a record too, one that is
  // not a response; text that merely starts like it ("[INFO] ...") is not.
  if (scan.line_start && (may_start_scalar(c) || c == '[') && try_whole(scan, scan.pos, false)) {
    scan.holds_record = true;
    return false;
  }
  if (scan.after_value) {
    // JSON input with something else after a record: "{...}}", "{...} x".
    sink_.problem(scan.number, position_of(scan.text, scan.pos, scan.number, 1).column,
                  "invalid JSON: unexpected text after the record");
    return false;
  }
  return read_log_text(scan);
}

bool RecordSplitter::read_log_text(LineScan& scan) {
  scan.line_start = false;
  std::size_t brace = scan.text.find('{', scan.pos);
  if (brace == npos) return false;
  scan.holds_record = true;
  if (try_whole(scan, brace, true)) return false;
  begin_value(scan, brace, true, false);
  scan.pos = scan.value_begin = brace;
  return true;
}

void RecordSplitter::end() {
  if (state_ == State::in_value) abandon_value("incomplete record: the input ends inside it");
  if (state_ == State::in_array)
    sink_.problem(array_line_, 0, "incomplete array: the input ends inside it");
  state_ = State::outside;
}

}  // namespace dhcode
