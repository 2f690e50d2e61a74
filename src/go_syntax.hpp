// Responses as Go programs log them without JSON: a struct printed by fmt,
// and strings quoted as Go quotes them (strconv.Quote, %q), which is how
// logfmt loggers (logrus, go-kit, slog's TextHandler) write a value with
// blanks or quotes in it: resp="{\"Code\":400000008,...}".
//
// Only Go's own syntax is read; nothing is guessed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "response.hpp"

namespace dhcode {

// The value of a Go quoted string whose opening quote came just before
// text: its bytes with Go's escapes (\" \\ \n \t \xNN \uNNNN ...) undone;
// end is set just past the closing quote. Null when the quote never closes
// or an escape is not Go's.
std::optional<std::string> go_unquote(std::string_view text, std::size_t& end);

// A response struct as fmt prints it, text starting at its '{':
//   %+v  {Code:400000008 Message:concurrency limit exceeded RequestId:9f1c}
//   %#v  {Code:400000008, Message:"concurrency limit exceeded", RequestId:"9f1c"}
// (%#v's type name, main.Response, comes before the '{'). Fields are those
// of the API's envelope: Code first, then any of Message, RequestId, Data
// in that order. Null for anything else.
std::optional<Response> go_struct_response(std::string_view text);

}  // namespace dhcode
