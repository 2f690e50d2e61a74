#include "request.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "ascii.hpp"

namespace dhcode {
namespace {

// text decoded; bad_percent and plus say what was met (QueryParameter).
std::string percent_decoded(std::string_view text, bool* bad_percent = nullptr,
                            bool* plus = nullptr) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out += ' ';
      if (plus) *plus = true;
    } else if (c == '%' && i + 2 < text.size() && hex_digit_value(text[i + 1]) >= 0 &&
               hex_digit_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit_value(text[i + 1]) * 16 + hex_digit_value(text[i + 2]));
      i += 2;
    } else {
      out += c;  // a '%' not followed by two hex digits stays as it is
      if (c == '%' && bad_percent) *bad_percent = true;
    }
  }
  return out;
}

bool holds_common_parameter(const std::vector<QueryParameter>& query) {
  return std::ranges::any_of(query, [](const QueryParameter& p) {
    return std::ranges::find(kCommonParameters, p.name) != std::end(kCommonParameters);
  });
}

}  // namespace

std::vector<QueryParameter> parse_query(std::string_view query) {
  std::vector<QueryParameter> parameters;
  while (!query.empty()) {
    std::size_t end = std::min(query.find('&'), query.size());
    std::string_view pair = query.substr(0, end);
    query.remove_prefix(std::min(end + 1, query.size()));
    if (pair.empty()) continue;
    std::size_t equals = pair.find('=');
    QueryParameter parameter{percent_decoded(pair.substr(0, equals)), {}};
    if (equals != std::string_view::npos)
      parameter.value =
          percent_decoded(pair.substr(equals + 1), &parameter.bad_percent, &parameter.plus);
    parameters.push_back(std::move(parameter));
  }
  return parameters;
}

std::optional<std::string> parameter(const std::vector<QueryParameter>& query,
                                     std::string_view name) {
  for (const QueryParameter& p : query)
    if (p.name == name) return p.value;
  return std::nullopt;
}

std::string percent_encoded(std::string_view text) {
  std::string out;
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    bool unreserved = is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    out += unreserved ? std::string(1, c) : fmt::format("%{:02X}", byte);
  }
  return out;
}

namespace {

// The characters around a URL in running text that are not part of it
// (RFC 3986, Appendix C: URLs in text are delimited by blanks, quotes or
// angle brackets, and are often followed by punctuation).
constexpr std::string_view kSeparators = " \t\"'`<>";
constexpr std::string_view kOpeningPunctuation = "([{";
constexpr std::string_view kClosingPunctuation = ".,;:!?)]}";

using QueryTest = bool (*)(const std::vector<QueryParameter>&);

std::optional<std::string> find_query_in_text(std::string_view line, QueryTest holds) {
  std::size_t pos = 0;
  while (pos < line.size()) {
    std::size_t start = line.find_first_not_of(kSeparators, pos);
    if (start == std::string_view::npos) break;
    std::size_t end = std::min(line.find_first_of(kSeparators, start), line.size());
    std::string_view word = line.substr(start, end - start);
    pos = end;
    while (!word.empty() && kOpeningPunctuation.find(word.front()) != std::string_view::npos)
      word.remove_prefix(1);
    while (!word.empty() && kClosingPunctuation.find(word.back()) != std::string_view::npos)
      word.remove_suffix(1);
    if (std::size_t question = word.find('?'); question != std::string_view::npos)
      word.remove_prefix(question + 1);
    if (std::size_t hash = word.find('#'); hash != std::string_view::npos)
      word = word.substr(0, hash);
    if (holds(parse_query(word))) return std::string(word);
  }
  return std::nullopt;
}

// The first query in a string of a JSON value, its escapes read (Go's
// encoding/json writes '&' as \u0026).
std::optional<std::string> find_query_in_json(const nlohmann::json& value, QueryTest holds) {
  if (value.is_string()) return find_query_in_text(value.get_ref<const std::string&>(), holds);
  if (value.is_structured())
    for (const nlohmann::json& item : value)
      if (std::optional<std::string> query = find_query_in_json(item, holds)) return query;
  return std::nullopt;
}

std::optional<std::string> find_query_holding(std::string_view line, QueryTest holds) {
  if (line.starts_with('{')) {
    nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_discarded()) return find_query_in_json(record, holds);
  }
  return find_query_in_text(line, holds);
}

bool holds_callback_parameters(const std::vector<QueryParameter>& query) {
  for (std::string_view name : {"signature", "timestamp", "nonce"})
    if (!callback_parameter(query, name)) return false;
  return true;
}

}  // namespace

std::optional<std::string> find_query(std::string_view line) {
  return find_query_holding(line, holds_common_parameter);
}

std::optional<std::string> find_callback_query(std::string_view line) {
  return find_query_holding(line, holds_callback_parameters);
}

bool is_query_argument(const std::string& argument) {
  struct stat status;
  if (argument == "-" || ::stat(argument.c_str(), &status) == 0) return false;
  return argument.find('=') != std::string::npos;
}

std::optional<std::string> callback_parameter(const std::vector<QueryParameter>& query,
                                              std::string_view name) {
  for (const QueryParameter& p : query)
    if (same_letters(p.name, name)) return p.value;
  return std::nullopt;
}

}  // namespace dhcode
