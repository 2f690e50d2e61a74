#include "output.hpp"

#include <cerrno>
#include <cstdio>

namespace dhcode {

void Output::write(std::string_view text) {
  if (error_ != 0) return;
  if (std::fwrite(text.data(), 1, text.size(), to_) != text.size() || std::fflush(to_) != 0)
    error_ = errno != 0 ? errno : EIO;
}

namespace {
thread_local std::string* captured_reports = nullptr;
}  // namespace

void report(std::string_view message) {
  if (captured_reports) {
    captured_reports->append("dhcode: ").append(message).append("\n");
    return;
  }
  std::fprintf(stderr, "dhcode: %.*s\n", static_cast<int>(message.size()), message.data());
}

ReportCapture::ReportCapture(std::string& into) : previous_(captured_reports) {
  captured_reports = &into;
}

ReportCapture::~ReportCapture() {
  captured_reports = previous_;
}

void write_reports(std::string_view kept) {
  std::fwrite(kept.data(), 1, kept.size(), stderr);
}

}  // namespace dhcode
