#include "secret.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "ascii.hpp"
#include "byte_source.hpp"
#include "output.hpp"
#include "safe_text.hpp"

namespace dhcode {
namespace {

// A secret is a few dozen characters; a larger file is not a secret file.
constexpr std::size_t kMaxSecretBytes = 4096;

void wipe(std::string& text) {
  explicit_bzero(text.data(), text.capacity());
  text.clear();
}

void warn_if_others_can_read(int fd, const std::string& path) {
  struct stat status;
  if (fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) return;
  if ((status.st_mode & (S_IRGRP | S_IROTH)) == 0) return;
  report(
      fmt::format("warning: secret file {} can be read by others (mode {:04o}); "
                  "chmod 600 {}",
                  visible(path), status.st_mode & 07777, visible(path)));
}

// Reads the whole file into text, which is wiped on every way out.
SecretRead read_file(const std::string& path, std::string& text) {
  bool from_stdin = path == "-";
  int fd = from_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  SecretRead result;
  if (fd < 0) {
    result.problem =
        fmt::format("secret file {}: cannot read: {}", visible(path), std::strerror(errno));
    result.status = ExitStatus::no_input;
    return result;
  }
  if (!from_stdin) warn_if_others_can_read(fd, path);
  text.reserve(kMaxSecretBytes + 1);  // no reallocation: no copy left behind unwiped
  char buffer[512];
  FdSource file(fd);
  while (std::size_t got = file.read(buffer, sizeof buffer)) {
    if (text.size() + got > kMaxSecretBytes) {
      result.problem = fmt::format("secret file {}: longer than {} bytes; not a secret",
                                   visible(path), kMaxSecretBytes);
      result.status = ExitStatus::usage;
      break;
    }
    text.append(buffer, got);
  }
  if (file.error() != 0 && result.problem.empty()) {
    result.problem =
        fmt::format("secret file {}: cannot read: {}", visible(path), std::strerror(file.error()));
    result.status = ExitStatus::no_input;
  }
  explicit_bzero(buffer, sizeof buffer);
  if (!from_stdin) ::close(fd);
  return result;
}

// One line end at the end is the file's, not the secret's.
void drop_line_end(std::string& text) {
  if (text.ends_with('\n')) text.pop_back();
  if (text.ends_with('\r')) text.pop_back();
}

std::string_view problem_with(std::string_view text) {
  if (text.empty()) return "is empty";
  if (has_control_character(text))
    return "holds a line end or another control character (not shown)";
  return {};
}

}  // namespace

Secret::Secret(std::string&& text) : text_(std::move(text)) {
  wipe(text);  // a short string's bytes stay in the one it was moved from
}

Secret::~Secret() {
  wipe(text_);
}

Secret::Secret(Secret&& other) noexcept : text_(std::move(other.text_)) {
  wipe(other.text_);
}

SecretRead read_secret(const std::optional<std::string>& path, const SecretKind& kind) {
  std::string text;
  std::string where;
  if (path) {
    SecretRead read = read_file(*path, text);
    if (!read.problem.empty()) {
      wipe(text);
      return read;
    }
    where = fmt::format("the secret file {}", visible(*path == "-" ? std::string("stdin") : *path));
  } else if (const char* value = std::getenv(kind.variable)) {
    text.reserve(std::strlen(value) + 1);
    text = value;
    where = kind.variable;
  } else {
    return {};
  }
  drop_line_end(text);
  SecretRead result;
  if (std::string_view problem = problem_with(text); !problem.empty()) {
    wipe(text);
    result.problem = fmt::format("the {} in {} {}", kind.name, where, problem);
    result.status = ExitStatus::usage;
    return result;
  }
  result.secret.emplace(std::move(text));
  return result;
}

}  // namespace dhcode
