// A signed request's common parameters, as they travel in a URL's query
// string: reading them from text (a URL, a query string, an access-log line,
// a curl command line) and writing them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dhcode {

// The common parameters every request carries (accessing-server-apis).
inline constexpr std::string_view kCommonParameters[] = {
    "Action", "AppId", "SignatureNonce", "Timestamp", "Signature", "SignatureVersion"};

struct QueryParameter {
  std::string name;
  std::string value;
  // How its value was written: a '%' not followed by two hex digits (kept
  // as it is), and '+' (read as a space, as servers read query strings).
  bool bad_percent = false;
  bool plus = false;
};

// Splits a query string on '&' and '=' and percent-decodes each part.
std::vector<QueryParameter> parse_query(std::string_view query);

// The first value of a parameter, if it is there.
std::optional<std::string> parameter(const std::vector<QueryParameter>& query,
                                     std::string_view name);

// Percent-encodes all but RFC 3986's unreserved characters.
std::string percent_encoded(std::string_view text);

// The query string of a request in a line of text: the first word (split on
// blanks, quotes and angle brackets, without punctuation around it) that
// holds a common parameter, from after its '?' when it is a URL. In a JSON
// line, the strings are read (their escapes undone) and searched. Empty
// when the line holds none.
std::optional<std::string> find_query(std::string_view line);

// The same for a callback's parameters as a receiving server logs them
// (callback-signature-verification reads signature, timestamp and nonce as
// request parameters): a word that holds all three, their names in any case.
std::optional<std::string> find_callback_query(std::string_view line);

// Whether a command-line argument is a query itself (verify
// "AppId=...&..."): no file of that name, and an '=' in it.
bool is_query_argument(const std::string& argument);

// The first value of a callback parameter, its name in any case.
std::optional<std::string> callback_parameter(const std::vector<QueryParameter>& query,
                                              std::string_view name);

}  // namespace dhcode
