// Reports that CI systems show: GitHub Actions' workflow commands, which
// become annotations on a run and its pull request, and JUnit XML, which
// GitLab, Jenkins, Azure DevOps and CircleCI show as test results.
//
// Text read from input (Message, RequestId, file names) is made visible
// (safe_text.hpp) and then escaped for the format, so that it cannot start a
// workflow command of its own or break the XML.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "context.hpp"
#include "explanation.hpp"
#include "render.hpp"

namespace dhcode {

class CiReport {
 public:
  virtual ~CiReport() = default;
  // A code explained: typed (from is null) or read from a response. count:
  // how many responses it stands for (stats reports each code once).
  virtual void explained(const Explanation& explanation, const ResponseContext* from,
                         std::uint64_t count = 1) = 0;
  // A callback: reported as a failure when its task failed.
  virtual void callback(const TaskReport& callback, const Origin& origin) = 0;
  // A record or an input that could not be read (origin.line 0: the input).
  virtual void problem(const Origin& origin, std::string_view why) = 0;
  // Everything was read: JUnit's document is written now.
  virtual void finish() = 0;
};

// The report the style asks for, writing to the context's output; null
// for text and JSON.
std::unique_ptr<CiReport> make_ci_report(const Context& context);

// The escapes GitHub documents for workflow commands: a message's %, CR
// and LF; in a property (file=..., title=...) also ':' and ','.
std::string github_message(std::string_view text);
std::string github_property(std::string_view text);

// Text already made visible, for XML content and attribute values: markup
// characters as references, and what XML 1.0 cannot hold at all (C0
// controls other than tab and line ends) shown as visible() shows it.
std::string xml_text(std::string_view text);

}  // namespace dhcode
