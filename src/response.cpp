#include "response.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <deque>

#include "ascii.hpp"
#include "code_argument.hpp"
#include "json_syntax.hpp"
#include "line_reader.hpp"
#include "log_time.hpp"
#include "safe_text.hpp"
#include "task_json.hpp"

namespace dhcode {

static_assert(kLinePadding >= simdjson::SIMDJSON_PADDING);

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

std::string_view type_name(element_type type) {
  switch (type) {
    case element_type::ARRAY:
      return "an array";
    case element_type::OBJECT:
      return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return "a number";
    case element_type::STRING:
      return "a string";
    case element_type::BOOL:
      return "a boolean";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "a value";
}

std::string out_of_range(std::string_view shown) {
  return fmt::format("Code {} is out of range (codes are whole numbers from 0 to {})", shown,
                     kLargestCode);
}

// A Code may be an integer, an integral number written as a float, or a
// numeric string: liberal in what is accepted, as the server's clients are.
std::optional<Code> read_code(element value, std::string& why) {
  switch (value.type()) {
    case element_type::INT64: {
      int64_t number = value.get_int64().value_unsafe();
      if (number < 0 || number > kLargestCode) {
        why = out_of_range(std::to_string(number));
        return std::nullopt;
      }
      return static_cast<Code>(number);
    }
    case element_type::UINT64: {
      uint64_t number = value.get_uint64().value_unsafe();
      if (number > kLargestCode) {
        why = out_of_range(std::to_string(number));
        return std::nullopt;
      }
      return static_cast<Code>(number);
    }
    case element_type::DOUBLE: {
      double number = value.get_double().value_unsafe();
      if (number != std::floor(number)) {
        why = fmt::format("Code {} is not a whole number", number);
        return std::nullopt;
      }
      if (number < 0 || number > kLargestCode) {
        // Numbers beyond 64 bits are read as +-1e300 (json_syntax.hpp).
        why = std::abs(number) >= 1e300
                  ? fmt::format(
                        "Code is out of range: a number beyond 64 bits (codes are "
                        "whole numbers from 0 to {})",
                        kLargestCode)
                  : out_of_range(fmt::format("{}", number));
        return std::nullopt;
      }
      return static_cast<Code>(number);
    }
    case element_type::STRING: {
      std::string_view text = value.get_string().value_unsafe();
      CodeArgument parsed = parse_code_argument(text);
      constexpr std::size_t kShown = 40;  // enough to recognise, not a flood
      if (!parsed.code)
        why = fmt::format("Code \"{}\"{} is a string that is not a code",
                          visible(text.substr(0, kShown)), text.size() > kShown ? "..." : "");
      return parsed.code;
    }
    default:
      why = fmt::format("Code is {}, not a number", type_name(value.type()));
      return std::nullopt;
  }
}

// Message and RequestId are strings in every documented response; anything
// else is kept as its JSON text rather than dropped.
std::optional<std::string> read_text(element value) {
  if (value.is_null()) return std::nullopt;
  if (value.is_string()) return std::string(value.get_string().value_unsafe());
  return simdjson::minify(value);
}

// The time a log record carries in a well-known field: docker's "time",
// "@timestamp" or "timestamp" (RFC 3339), journald's __REALTIME_TIMESTAMP.
// Called for every member of every record: decided by the size first.
bool is_time_key(std::string_view key) {
  switch (key.size()) {
    case 4:
      return key == "time";
    case 9:
      return key[0] == 't' && key == "timestamp";
    case 10:
      return key[0] == '@' && key == "@timestamp";
    case 20:
      return key[0] == '_' && key == "__REALTIME_TIMESTAMP";
    default:
      return false;
  }
}

// Reads the values of time fields: an RFC 3339 time as it is written,
// journald's microseconds converted into a text kept here until the next
// record (in a deque: the views of earlier ones stay valid).
class TimeFields {
 public:
  void next_record() { converted_used_ = 0; }
  std::optional<std::string_view> read(std::string_view key, element value) {
    std::string_view text;
    if (value.get_string().get(text)) return std::nullopt;
    if (key != "__REALTIME_TIMESTAMP") {
      if (!is_rfc3339(text)) return std::nullopt;
      last_read_ = text.data();
      return text;
    }
    if (converted_used_ == converted_.size()) converted_.emplace_back();
    std::string& converted = converted_[converted_used_];
    if (!journal_times_.convert(text, converted)) return std::nullopt;
    ++converted_used_;
    last_read_ = text.data();
    return converted;
  }
  // Where the text of the time field read last begins, as written (not as
  // converted): the record's own, right after read_members.
  const char* last_read() const { return last_read_; }

 private:
  std::deque<std::string> converted_;
  std::size_t converted_used_ = 0;
  JournalTimes journal_times_;
  const char* last_read_ = nullptr;
};

// The Code, Message and RequestId of an object (and, when times is given,
// the record's time), in one pass over its members. Returns false when the
// object has no Code key; otherwise why is empty for a good response.
bool read_members(simdjson::dom::object object, bool with_text, Response& response,
                  std::string& why, TimeFields* times = nullptr,
                  std::optional<std::string_view>* time = nullptr) {
  bool has_code = false;
  for (simdjson::dom::key_value_pair field : object) {
    if (field.key == "Code") {
      if (has_code) {
        why = "not a response: the Code key appears twice";
        return true;
      }
      has_code = true;
      std::optional<Code> code = read_code(field.value, why);
      if (!code) return true;
      response.code = *code;
    } else if (time && !*time && is_time_key(field.key)) {
      *time = times->read(field.key, field.value);
    } else if (!with_text) {
      continue;
    } else if (field.key == "Message") {
      response.message = read_text(field.value);
    } else if (field.key == "RequestId") {
      response.request_id = read_text(field.value);
    } else if (field.key == "Data") {
      read_statuses(field.value, response.tasks);
    }
  }
  return has_code;
}

// A response's envelope with its keys in another case ({"code":...,
// "message":...}): the Code key as it is spelled, or empty. A "code" alone
// is an ordinary log field (an HTTP status); with Message or RequestId
// beside it, it was meant as a response.
struct MiscasedCode {
  std::string key;        // the Code key as spelled, or empty
  bool envelope = false;  // with Message or RequestId beside it
};

MiscasedCode miscased_code_key(simdjson::dom::object object) {
  MiscasedCode found;
  for (simdjson::dom::key_value_pair field : object) {
    if (same_letters(field.key, "Code")) found.key = std::string(field.key);
    if (same_letters(field.key, "Message") || same_letters(field.key, "RequestId"))
      found.envelope = true;
  }
  return found;
}

// The time field of an object that is not a response, if it has one.
std::optional<std::string_view> own_time(simdjson::dom::object object, TimeFields& times) {
  for (simdjson::dom::key_value_pair field : object)
    if (is_time_key(field.key))
      if (std::optional<std::string_view> time = times.read(field.key, field.value)) return time;
  return std::nullopt;
}

void note_docker_field(simdjson::dom::key_value_pair field, ReadRecord& out, bool& stream) {
  if (field.key == "log" && field.value.is_string())
    out.docker_log = field.value.get_string().value_unsafe();
  if (field.key == "stream") stream = true;
}

// Whether an object has the keys of a callback (EventType and Detail),
// noted while its members are read for other reasons.
struct CallbackKeys {
  bool event_type = false;
  bool detail = false;
  void note(std::string_view key) {
    if (key.size() == 9 && key == "EventType") event_type = true;
    if (key.size() == 6 && key == "Detail") detail = true;
  }
  bool both() const { return event_type && detail; }
};

// Whether a string may hold a callback's JSON: checked for every string of
// every record without a Code (docker's time and stream), so the cheap
// tests come first. The shortest callback is {"EventType":3,"Detail":{}}.
bool may_hold_callback(std::string_view text) {
  constexpr std::size_t kShortestCallback = 27;
  constexpr std::string_view kEventType = "\"EventType\"";
  return text.size() >= kShortestCallback && text.find('{') != std::string_view::npos &&
         text.find(kEventType) != std::string_view::npos;
}

// Whether a string may hold a response or a callback, to be searched as text.
bool may_hold_record(std::string_view text) {
  return text.find("Code") != std::string_view::npos || may_hold_callback(text);
}

// A string of a record that may hold a response or a callback is noted, to
// be read as text of its own; the record's time field (time_field), read
// already, is not.
void note_string(std::string_view text, const char* time_field, ReadRecord& out) {
  if (text.data() == time_field) return;
  if (may_hold_record(text)) out.texts.push_back(text);
}

// A field of a record that is an array of bytes (journald's form of a value
// with a control character or bytes that are not UTF-8) is noted, decoded,
// as a string would be. False when the array is anything else. Rare: kept
// out of the search's loop.
[[gnu::noinline, gnu::cold]] bool note_bytes(simdjson::dom::array array, ReadRecord& out) {
  std::string bytes;
  for (element item : array) {
    std::uint64_t byte = 0;
    if (item.get_uint64().get(byte) || byte > 0xFF) return false;
    bytes.push_back(static_cast<char>(byte));
  }
  if (bytes.empty()) return false;
  if (may_hold_record(bytes)) out.texts.push_back(out.decoded_bytes.emplace_back(std::move(bytes)));
  return true;
}

// A record whose values are all strings (docker's json-file form, journald's
// JSON export, a flat logger's event) is read in one pass over its members,
// without the nested search: the same texts, in the same order. False, with
// nothing noted, for any other record.
bool read_flat_strings(simdjson::dom::object object, const char* time_field, ReadRecord& out) {
  bool docker_stream = false;
  bool flat = true;
  CallbackKeys keys;
  for (simdjson::dom::key_value_pair field : object) {
    flat = field.value.is_string();
    if (!flat) break;
    if (field.key.size() <= 6) note_docker_field(field, out, docker_stream);
    keys.note(field.key);
    note_string(field.value.get_string().value_unsafe(), time_field, out);
  }
  // A callback whose Detail is no object: the nested search says why.
  if (flat && !keys.both()) {
    if (!docker_stream) out.docker_log.reset();
    return true;
  }
  out.texts.clear();
  out.docker_log.reset();
  return false;
}

// How much was found before an object was searched, to forget what was
// found inside it when the object turns out to be a callback.
struct FoundSoFar {
  explicit FoundSoFar(const ReadRecord& record)
      : responses(record.responses.size()),
        callbacks(record.callbacks.size()),
        texts(record.texts.size()) {}
  void restore(ReadRecord& record) const {
    record.responses.resize(responses);
    record.callbacks.resize(callbacks);
    record.texts.resize(texts);
  }
  std::size_t responses, callbacks, texts;
};

// A callback found while searching: one below the record is skipped when
// it cannot be read (deep in a log event, "EventType" may mean something
// else); the record itself is a bad one then, and says why.
void read_nested_callback(simdjson::dom::object object, int depth,
                          std::optional<std::string_view> time, const FoundSoFar& before,
                          ReadRecord& out) {
  before.restore(out);
  if (depth == 0) out.docker_log.reset();
  TaskReport callback;
  std::string why;
  if (!read_callback(object, callback, why)) {
    if (depth == 0) out.why = std::move(why);
    return;
  }
  if (time) callback.time.emplace(*time);
  out.callbacks.push_back(std::move(callback));
}

// Looks for responses below a record that has no Code of its own: objects
// with a valid Code, and strings that mention Code (searched later as text;
// not the record's own time field, time_field).
// An object whose Code is no code is not taken for a response here: deep in
// an ordinary log event, "Code" may mean something else. Responses found
// take the time of the nearest object around them that has one
// (`_source.@timestamp`); the record's own time is given later. Their
// Message and RequestId are always read: a response found here may be
// logged again in a string beside it, and is told apart by its RequestId.
void search_nested(element value, int depth, std::optional<std::string_view> time,
                   const char* time_field, TimeFields& times, ReadRecord& out) {
  if (depth > kNestedSearchDepth) return;
  switch (value.type()) {
    case element_type::OBJECT: {
      simdjson::dom::object object = value.get_object().value_unsafe();
      if (depth > 0) {
        Response response;
        std::string why;
        if (read_members(object, true, response, why)) {
          if (!why.empty()) return;
          if (!response.time && time) response.time.emplace(*time);
          out.responses.push_back(std::move(response));
          return;
        }
      }
      std::optional<std::string_view> nearer = depth > 0 ? own_time(object, times) : std::nullopt;
      bool docker_stream = false;
      CallbackKeys keys;
      FoundSoFar before(out);
      for (simdjson::dom::key_value_pair field : object) {
        // docker's json-file form, noted on the way: {"log":"...","stream":...}.
        if (depth == 0 && field.key.size() <= 6) note_docker_field(field, out, docker_stream);
        keys.note(field.key);
        search_nested(field.value, depth + 1, nearer ? nearer : time, time_field, times, out);
      }
      if (keys.both()) return read_nested_callback(object, depth, time, before, out);
      if (depth == 0 && !docker_stream) out.docker_log.reset();
      return;
    }
    case element_type::ARRAY: {
      simdjson::dom::array array = value.get_array().value_unsafe();
      if (depth == 1 && note_bytes(array, out)) return;
      for (element item : array) search_nested(item, depth + 1, time, time_field, times, out);
      return;
    }
    case element_type::STRING:
      return note_string(value.get_string().value_unsafe(), time_field, out);
    default:
      return;
  }
}

}  // namespace

// Deeper than simdjson's default of 1024, which valid data may be; the
// parser's memory grows with it (a few bytes a level), so the parser starts
// at the default and takes the whole depth only when a record needs it.
constexpr std::size_t kMaxDepth = 65536;
constexpr std::size_t kInitialDepth = 1024;

// Room for a typical record (a response is a few hundred bytes). A longer
// record doubles the room (at least to its size): simdjson alone would grow
// to each longer record's exact size, again and again on a log of slowly
// growing records.
constexpr std::size_t kInitialCapacity = 4 * 1024;

struct ResponseParser::Impl {
  Impl() {
    // Room for short records now; the parser grows (keeping the depth) with
    // the records it meets, which the record limit bounds (line_reader.hpp).
    // A large allocation up front costs a run that reads a few short
    // records, and fuzzing under sanitizers. (set_max_capacity is not used:
    // simdjson 3.0 sets 32 bytes whatever it is given.)
    if (parser.allocate(kInitialCapacity, kInitialDepth)) throw std::bad_alloc();
  }
  simdjson::dom::parser parser;
  ReadRecord record;
  TimeFields times;
  std::string copy;  // a readable copy of valid JSON that simdjson refused
  // The record's texts with bytes that are not UTF-8 restored (record.texts
  // then points here).
  std::vector<std::string> restored_texts;

  // Parses json; on failure, record says why (and where, for invalid JSON).
  // Both run once per record: inlined into read().
  // A record with bytes that are not UTF-8 in its strings is read there and
  // then (the bytes restored in what was read), and parse returns false
  // with record.kind set.
  [[gnu::always_inline]] inline bool parse(std::string_view json, element& root, bool with_text);
  [[gnu::always_inline]] inline void read_root(element root, bool with_text);
  // What simdjson refused: why, or a readable copy (json_syntax.hpp). Rare.
  [[gnu::noinline]] bool parse_again(std::string_view json, element& root, bool with_text);
  // Room for a record of size bytes, at least twice the room there was.
  [[gnu::noinline]] void grow(std::size_t size) {
    if (parser.allocate(std::max(size, 2 * parser.capacity()), parser.max_depth()))
      throw std::bad_alloc();
  }
  // A record nested deeper than the parser has room for, parsed again with
  // the whole depth: true when it then parses.
  [[gnu::noinline]] bool parse_deeper(std::string_view json, element& root);
  // A record without a Code of its own: rare in a log of responses, kept
  // out of the path every record takes.
  [[gnu::noinline]] void read_without_code(element root);

  // The record before was one response and nothing else (most records of
  // a log of responses): what the others leave need not be cleared.
  bool one_response = false;
  [[gnu::noinline]] void forget_record();
};

bool ResponseParser::Impl::parse(std::string_view json, element& root, bool with_text) {
  if (json.size() > parser.capacity()) [[unlikely]]
    grow(json.size());
  simdjson::error_code error = parser.parse(json.data(), json.size(), false).get(root);
  if (!error) return true;
  if (error == simdjson::DEPTH_ERROR && parse_deeper(json, root)) return true;
  return parse_again(json, root, with_text);
}

bool ResponseParser::Impl::parse_deeper(std::string_view json, element& root) {
  if (parser.max_depth() >= kMaxDepth) return false;
  if (parser.allocate(parser.capacity(), kMaxDepth)) throw std::bad_alloc();
  return !parser.parse(json.data(), json.size(), false).get(root);
}

bool ResponseParser::Impl::parse_again(std::string_view json, element& root, bool with_text) {
  JsonSyntax syntax = check_json(json);
  if (syntax.problem) {
    record.why = fmt::format("invalid JSON: {}", syntax.problem->why);
    record.problem_offset = syntax.problem->offset;
    return false;
  }
  copy = readable_copy(json, syntax);
  copy.reserve(copy.size() + kLinePadding);
  simdjson::error_code error = parser.parse(copy.data(), copy.size(), false).get(root);
  if (error == simdjson::DEPTH_ERROR && parse_deeper(copy, root)) error = simdjson::SUCCESS;
  if (!error && !syntax.not_utf8.empty()) {
    read_root(root, with_text);
    for (Response& response : record.responses) {
      if (response.message) restore_not_utf8(*response.message);
      if (response.request_id) restore_not_utf8(*response.request_id);
    }
    restored_texts.assign(record.texts.begin(), record.texts.end());
    for (std::size_t i = 0; i < restored_texts.size(); ++i) {
      restore_not_utf8(restored_texts[i]);
      record.texts[i] = restored_texts[i];
    }
    return false;
  }
  if (!error) return true;
  record.why = error == simdjson::DEPTH_ERROR
                   ? fmt::format("JSON nested deeper than {} levels; not read", kMaxDepth)
                   : fmt::format("JSON that cannot be read ({})", simdjson::error_message(error));
  return false;
}

void ResponseParser::Impl::read_root(element root, bool with_text) {
  record.kind = RecordKind::no_response;
  if (!root.is_object() && !root.is_array()) {
    record.responses.clear();
    record.docker_log.reset();
    return;  // a lone string or number: no response
  }
  if (root.is_object()) {
    simdjson::dom::object object = root.get_object().value_unsafe();
    // Most records are one response, read in place into the slot the record
    // before left (destroying and making one per record costs more).
    if (record.responses.empty()) record.responses.emplace_back();
    Response& response = record.responses.front();
    response.code = 0;
    if (response.message) response.message.reset();
    if (response.request_id) response.request_id.reset();
    if (!response.tasks.empty()) response.tasks.clear();
    record.has_code_key =
        read_members(object, with_text, response, record.why, &times, &record.time);
    if (record.has_code_key && record.why.empty()) {
      assign_text(response.time, record.time);
      record.kind = RecordKind::responses;
      one_response = true;
      return;
    }
    record.responses.clear();
    if (record.has_code_key) {
      record.kind = RecordKind::bad_response;
      return;
    }
  }
  read_without_code(root);
}

void ResponseParser::Impl::read_without_code(element root) {
  record.responses.clear();
  simdjson::dom::object object;
  bool is_object = !root.get_object().get(object);
  record.docker_log.reset();
  // The record's own time field, read by read_members (the nested search
  // reads other times on its way).
  const char* time_field = record.time ? times.last_read() : nullptr;
  if (!is_object || !read_flat_strings(object, time_field, record))
    search_nested(root, 0, std::nullopt, time_field, times, record);
  if (!record.why.empty()) {  // the record is a callback that cannot be read
    record.responses.clear();
    record.texts.clear();
    record.kind = RecordKind::bad_response;
    return;
  }
  for (Response& response : record.responses)
    if (!response.time && record.time) response.time.emplace(*record.time);
  for (TaskReport& callback : record.callbacks)
    if (!callback.time && record.time) callback.time.emplace(*record.time);
  if (!record.responses.empty() || !record.callbacks.empty()) {
    record.kind = RecordKind::responses;
  } else if (is_object && record.texts.empty()) {  // strings to read may hold responses
    MiscasedCode code = miscased_code_key(object);
    if (code.envelope && !code.key.empty()) {
      record.kind = RecordKind::bad_response;
      record.why =
          fmt::format("no Code key (keys are case-sensitive; found '{}')", visible(code.key));
    } else {
      record.miscased_code = std::move(code.key);  // a near miss, said if nothing else is found
    }
  }
}

ResponseParser::ResponseParser() : impl_(std::make_unique<Impl>()) {}
ResponseParser::~ResponseParser() = default;

void ResponseParser::Impl::forget_record() {
  record.why.clear();
  record.problem_offset.reset();
  if (record.responses.size() > 1) record.responses.clear();  // the first is reused (read_root)
  record.texts.clear();
  if (!record.decoded_bytes.empty()) record.decoded_bytes.clear();
  record.callbacks.clear();
  record.miscased_code.clear();
}

const ReadRecord& ResponseParser::read(std::string_view json, bool with_text) {
  ReadRecord& record = impl_->record;
  if (!impl_->one_response) impl_->forget_record();
  impl_->one_response = false;
  record.kind = RecordKind::not_json;
  if (record.time) record.time.reset();
  impl_->times.next_record();
  record.has_code_key = false;
  element root;
  if (impl_->parse(json, root, with_text))
    impl_->read_root(root, with_text);
  else if (record.kind == RecordKind::not_json)  // not read there and then
    record.responses.clear();
  return record;
}

}  // namespace dhcode
