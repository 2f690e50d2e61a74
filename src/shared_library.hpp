// Opening a shared library at run time, only when a rarely used feature
// needs it (compressed input, signatures), so that it costs nothing at
// start-up: every library linked costs instructions before main runs.
#pragma once

#include <string>

namespace dhcode {

// dlopen(name), once per process; null after setting problem.
void* open_library(const char* name, std::string& problem);

// Takes the function called symbol from library into function; false after
// setting problem (when it is still empty).
bool take_symbol(void* library, const char* symbol, void*& function, std::string& problem);

template <typename Function>
bool take(void* library, const char* symbol, Function& function, std::string& problem) {
  void* found = nullptr;
  bool ok = take_symbol(library, symbol, found, problem);
  function = reinterpret_cast<Function>(found);
  return ok;
}

// A function of a library and where to keep it, for load_functions.
template <typename Function>
struct Symbol {
  const char* name;
  Function& function;
};
template <typename Function>
Symbol<Function> symbol(const char* name, Function& function) {
  return {name, function};
}

// Opens the library and takes each function named: false after setting
// problem. One call a library, with all its functions in one list.
template <typename... Functions>
bool load_functions(const char* library, std::string& problem, Symbol<Functions>... symbols) {
  void* opened = open_library(library, problem);
  return opened && (take(opened, symbols.name, symbols.function, problem) && ...);
}

}  // namespace dhcode
