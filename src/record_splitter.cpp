#include "record_splitter.hpp"

#include <fmt/format.h>

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

}  // namespace

void RecordSplitter::begin_value(std::size_t line, bool in_text, bool in_array, char first) {
  state_ = State::in_value;
  value_.clear();
  value_line_ = line;
  value_in_text_ = in_text;
  value_in_array_ = in_array;
  value_too_long_ = false;
  scalar_ = first != '{' && first != '[';
  in_string_ = false;
  escaped_ = false;
  depth_ = 0;
}

std::size_t RecordSplitter::scan(std::string_view text, std::size_t pos) {
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

void RecordSplitter::finish_value(std::string_view whole) {
  state_ = value_in_array_ ? State::in_array : State::outside;
  if (value_in_array_) {
    expect_element_ = false;
    array_empty_ = false;
  }
  if (!value_too_long_) sink_.record({whole, value_line_, value_in_text_}, false);
  value_.clear();
}

void RecordSplitter::abandon_value(std::string_view why) {
  if (!value_too_long_) sink_.problem(value_line_, why);
  state_ = State::outside;  // an array the value was in is abandoned too
  value_.clear();
}

bool RecordSplitter::try_whole(std::string_view text, std::size_t line, bool in_text) {
  text = trim_end(text);
  if (text.front() == '{' && text.back() != '}') return false;
  return sink_.record({text, line, in_text}, true);
}

void RecordSplitter::line(const Line& line) {
  std::string_view text = line.text;
  if (line.too_long) {
    sink_.problem(line.number, fmt::format("line longer than {} bytes; skipped", kMaxLineBytes));
    if (state_ == State::in_value) abandon_value("incomplete record: cut off by an overlong line");
    if (state_ == State::in_array)
      sink_.problem(array_line_, "incomplete array: cut off by an overlong line");
    state_ = State::outside;
    return;
  }

  bool holds_record = state_ != State::outside;
  bool spans_lines = state_ == State::in_value;  // the value began on an earlier line
  bool line_start = true;    // no text but JSON and white space seen on this line yet
  bool after_value = false;  // a value ended on this line, and no text was seen before it
  std::size_t pos = 0;
  std::size_t value_begin = 0;
  if (state_ == State::in_value && !continues_record(text)) {
    abandon_value("incomplete record: the next line starts something else");
    holds_record = false;
    spans_lines = false;
  }

  while (true) {
    if (state_ == State::in_value) {
      std::size_t end = scan(text, pos);
      if (end == npos && scalar_ && !in_string_) end = text.size();
      if (end != npos) {
        if (spans_lines) {
          if (!value_too_long_) value_.append(text.substr(0, end));
          value_.reserve(value_.size() + kLinePadding);
          finish_value(value_);
        } else {
          finish_value(text.substr(value_begin, end - value_begin));
        }
        pos = end;
        spans_lines = false;
        after_value = line_start && !value_in_text_;
        continue;
      }
      if (value_in_text_) {
        // A value after log text must end on its line; the sink decides
        // whether the broken text was meant as a response.
        state_ = State::outside;
        sink_.record({text.substr(value_begin), value_line_, true}, false);
      } else if (in_string_) {
        abandon_value("invalid JSON: the line ends inside a string");
      } else {
        std::string_view rest = spans_lines ? text : text.substr(value_begin);
        if (!value_too_long_ && value_.size() + rest.size() + 1 > kMaxLineBytes) {
          sink_.problem(value_line_,
                        fmt::format("record longer than {} bytes; skipped", kMaxLineBytes));
          value_too_long_ = true;
          value_.clear();
        }
        if (!value_too_long_) {
          value_.append(rest);
          value_.push_back('\n');
        }
      }
      break;
    }

    pos = skip_space(text, pos);
    if (pos == text.size()) break;
    char c = text[pos];

    if (state_ == State::in_array) {
      if (c == ']' && (!expect_element_ || array_empty_)) {
        state_ = State::outside;
        ++pos;
      } else if (c == ',' && !expect_element_) {
        expect_element_ = true;
        ++pos;
      } else if (expect_element_ && c != ',' && c != ']') {
        begin_value(line.number, false, true, c);
        value_begin = pos;
      } else {
        sink_.problem(line.number,
                      fmt::format("invalid JSON: expected {} in the array begun at line {}",
                                  expect_element_ ? "a value" : "',' or ']'", array_line_));
        state_ = State::outside;
        break;
      }
      continue;
    }

    // Outside any record.
    if (line_start && c == '{') {
      holds_record = true;
      if (try_whole(text.substr(pos), line.number, false)) break;
      begin_value(line.number, false, false, c);
      value_begin = pos;
      continue;
    }
    if (line_start && c == '[' && opens_array(text, pos + 1)) {
      holds_record = true;
      state_ = State::in_array;
      array_line_ = line.number;
      expect_element_ = true;
      array_empty_ = true;
      ++pos;
      continue;
    }
    // Other JSON alone on a line ("42", "[1,2]") is a record too, one that is
    // not a response; text that merely starts like it ("[INFO] ...") is not.
    if (line_start && (may_start_scalar(c) || c == '[') &&
        try_whole(text.substr(pos), line.number, false)) {
      holds_record = true;
      break;
    }
    if (after_value) {
      // JSON input with something else after a record: "{...}}", "{...} x".
      sink_.problem(line.number, fmt::format("invalid JSON: unexpected text after the record"));
      break;
    }
    line_start = false;
    std::size_t brace = text.find('{', pos);
    if (brace == npos) break;
    holds_record = true;
    if (try_whole(text.substr(brace), line.number, true)) break;
    begin_value(line.number, true, false, '{');
    pos = value_begin = brace;
  }
  if (!holds_record) sink_.other_line(line.number);
}

void RecordSplitter::end() {
  if (state_ == State::in_value) abandon_value("incomplete record: the input ends inside it");
  if (state_ == State::in_array)
    sink_.problem(array_line_, "incomplete array: the input ends inside it");
  state_ = State::outside;
}

}  // namespace dhcode
