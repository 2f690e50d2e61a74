#include "shared_library.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

namespace dhcode {

void* open_library(const char* name, std::string& problem) {
  void* library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
  if (!library) problem = fmt::format("cannot load {}: {}", name, dlerror());
  return library;
}

bool take_symbol(void* library, const char* symbol, void*& function, std::string& problem) {
  function = dlsym(library, symbol);
  if (!function && problem.empty()) problem = fmt::format("the library has no {}", symbol);
  return function != nullptr;
}

}  // namespace dhcode
