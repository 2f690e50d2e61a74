#include "response.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <cmath>

#include "code_argument.hpp"
#include "line_reader.hpp"
#include "safe_text.hpp"

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
        why = out_of_range(fmt::format("{}", number));
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

}  // namespace

struct ResponseParser::Impl {
  simdjson::dom::parser parser{kMaxLineBytes + kLinePadding};
};

ResponseParser::ResponseParser() : impl_(std::make_unique<Impl>()) {}
ResponseParser::~ResponseParser() = default;

ReadRecord ResponseParser::read(std::string_view json, bool with_text) {
  ReadRecord out;
  element root;
  simdjson::error_code error = impl_->parser.parse(json.data(), json.size(), false).get(root);
  if (error) {
    out.kind = RecordKind::not_json;
    out.why = fmt::format("invalid JSON ({})", simdjson::error_message(error));
    return out;
  }
  out.kind = RecordKind::not_response;
  if (!root.is_object()) {
    out.why = fmt::format("not a response: {}, not an object", type_name(root.type()));
    return out;
  }
  bool has_code = false;
  simdjson::dom::object object;
  if (root.get_object().get(object)) return out;  // is_object() said it is one
  for (simdjson::dom::key_value_pair field : object) {
    if (field.key == "Code") {
      if (has_code) {
        out.why = "not a response: the Code key appears twice";
        return out;
      }
      has_code = out.has_code_key = true;
      std::optional<Code> code = read_code(field.value, out.why);
      if (!code) return out;
      out.response.code = *code;
    } else if (!with_text) {
      continue;
    } else if (field.key == "Message") {
      out.response.message = read_text(field.value);
    } else if (field.key == "RequestId") {
      out.response.request_id = read_text(field.value);
    }
  }
  if (!has_code) {
    out.why = "not a response: no Code key";
    return out;
  }
  out.kind = RecordKind::response;
  out.why.clear();
  return out;
}

}  // namespace dhcode
