// Team registry overlays: codes a team adds, and runbook links and notes it
// puts on existing codes, loaded at run time without rebuilding dhcode.
//
// An overlay file holds entries exactly as `dhcode list --json` prints them,
// one JSON object per line, so `dhcode list --json > team.json`, an edit and
// `--registry team.json` round-trip. Keys: code (required), description,
// action, category, retryable, runbook, note; status, source, earlier and
// overlay are what dhcode derives and are ignored on load.
//   - For a code dhcode documents, only runbook and note may be set;
//     category and retryable, if present, must keep the documented values;
//     texts that differ are a stale copy (warned about, documented kept).
//   - A new code needs description (or description_zh), category and
//     retryable.
// Entries may be one a line, pretty-printed, or the elements of an array.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry.hpp"

namespace dhcode {

struct OverlayError {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  std::string why;
  std::string message() const;  // "team.json:3:12: why", or "team.json: why" without a line
  // The same, naming where the overlay came from ("--registry",
  // "DHCODE_REGISTRY", the default file's place).
  std::string message_from(std::string_view from) const;
};

// An overlay file to load and what named it.
struct OverlayFile {
  std::string path;
  std::string_view from;
};

// Loads one overlay file into the registry: all of it, or, on the first
// problem, nothing of it.
// A documented text that an entry repeats differently (a stale copy) is no
// error: the documented text is kept, and the first such place (and how many
// more) is given in stale, for a warning. An entry that only repeats
// documented facts annotates nothing.
std::optional<OverlayError> load_overlay(const std::string& path, Registry& registry,
                                         std::optional<OverlayError>* stale = nullptr);

// The overlay files to load, in order (later ones win): the user's default
// file if it exists ($XDG_CONFIG_HOME/dhcode/registry.json, by default
// ~/.config/dhcode/registry.json), the paths in DHCODE_REGISTRY (separated
// by ':'), then the --registry options.
std::vector<OverlayFile> overlay_files(const std::vector<std::string>& from_options);
std::vector<std::string> overlay_paths(const std::vector<std::string>& from_options);

}  // namespace dhcode
