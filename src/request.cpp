#include "request.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "ascii.hpp"

namespace dhcode {
namespace {

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%' && i + 2 < text.size() && hex_digit_value(text[i + 1]) >= 0 &&
               hex_digit_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit_value(text[i + 1]) * 16 + hex_digit_value(text[i + 2]));
      i += 2;
    } else {
      out += c;  // a '%' not followed by two hex digits stays as it is
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
    parameters.push_back(
        {percent_decoded(pair.substr(0, equals)), equals == std::string_view::npos
                                                      ? std::string()
                                                      : percent_decoded(pair.substr(equals + 1))});
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

std::optional<std::string> find_query(std::string_view line) {
  constexpr std::string_view kSeparators = " \t\"'`";
  std::size_t pos = 0;
  while (pos < line.size()) {
    std::size_t start = line.find_first_not_of(kSeparators, pos);
    if (start == std::string_view::npos) break;
    std::size_t end = std::min(line.find_first_of(kSeparators, start), line.size());
    std::string_view word = line.substr(start, end - start);
    pos = end;
    if (std::size_t question = word.find('?'); question != std::string_view::npos)
      word.remove_prefix(question + 1);
    if (std::size_t hash = word.find('#'); hash != std::string_view::npos)
      word = word.substr(0, hash);
    if (holds_common_parameter(parse_query(word))) return std::string(word);
  }
  return std::nullopt;
}

}  // namespace dhcode
