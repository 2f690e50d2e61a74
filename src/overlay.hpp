// Team registry overlays: codes a team adds, and runbook links and notes it
// puts on existing codes, loaded at run time without rebuilding dhcode.
//
// An overlay file holds entries exactly as `dhcode list --json` prints them,
// one JSON object per line, so `dhcode list --json > team.json`, an edit and
// `--registry team.json` round-trip. Keys: code (required), description,
// action, category, retryable, runbook, note; status, source, earlier and
// overlay are what dhcode derives and are ignored on load.
//   - For a code dhcode documents, only runbook and note may be set; the
//     other keys, if present, must keep the documented values.
//   - A new code needs description, category and retryable.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "registry.hpp"

namespace dhcode {

struct OverlayError {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  std::string why;
  std::string message() const;  // "team.json:3:12: why", or "team.json: why" without a line
};

// Loads one overlay file into the registry: all of it, or, on the first
// problem, nothing of it.
std::optional<OverlayError> load_overlay(const std::string& path, Registry& registry);

// The overlay files to load, in order (later ones win): the user's default
// file if it exists ($XDG_CONFIG_HOME/dhcode/registry.json, by default
// ~/.config/dhcode/registry.json), the paths in DHCODE_REGISTRY (separated
// by ':'), then the --registry options.
std::vector<std::string> overlay_paths(const std::vector<std::string>& from_options);

}  // namespace dhcode
