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

// From the file at path ("-": stdin) when given, else from the environment
// variable DHCODE_SERVER_SECRET, else none. One line end at the end is not
// part of the secret (files made with echo end with one). A secret that is
// then empty or still holds a control character is refused (64); a file
// that cannot be read is 66; a file readable by group or others gets a
// warning on stderr, as ssh gives for keys.
SecretRead read_secret(const std::optional<std::string>& path);

// The name of the environment variable, for messages and help.
inline constexpr const char* kSecretVariable = "DHCODE_SERVER_SECRET";

}  // namespace dhcode
