// The ServerSecret that signs requests: read from DHCODE_SERVER_SECRET or a
// file (never from the command line, where other users can read it), never
// printed, and wiped from memory when done.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "exit_status.hpp"

namespace dhcode {

// Holds the secret's bytes and wipes them (explicit_bzero) when destroyed.
class Secret {
 public:
  explicit Secret(std::string&& text);  // text is left wiped
  ~Secret();
  Secret(Secret&& other) noexcept;
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;
  Secret& operator=(Secret&&) = delete;
  std::string_view view() const { return text_; }

 private:
  std::string text_;
};

struct SecretRead {
  std::optional<Secret> secret;  // empty when none was given, or on a problem
  std::string problem;           // what is wrong, never quoting the secret
  ExitStatus status = ExitStatus::ok;
};

// Which secret: the name messages give it and the environment variable
// that holds it.
struct SecretKind {
  const char* variable;
  std::string_view name;
};
inline constexpr SecretKind kServerSecret{"DHCODE_SERVER_SECRET", "ServerSecret"};
// What the service signs its callbacks with (callback-signature-verification).
inline constexpr SecretKind kCallbackSecret{"DHCODE_CALLBACK_SECRET", "CallbackSecret"};

// From the file at path ("-": stdin) when given, else from the environment
// variable of its kind, else none. One line end at the end is not
// part of the secret (files made with echo end with one). A secret that is
// then empty or still holds a control character is refused (64); a file
// that cannot be read is 66; a file readable by group or others gets a
// warning on stderr, as ssh gives for keys.
SecretRead read_secret(const std::optional<std::string>& path,
                       const SecretKind& kind = kServerSecret);

// The name of the ServerSecret's environment variable, for messages and help.
inline constexpr const char* kSecretVariable = kServerSecret.variable;

}  // namespace dhcode
