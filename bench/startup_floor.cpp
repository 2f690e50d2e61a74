// The least a C++ program linking what dhcode links (libstdc++ and
// libsimdjson, shared as Debian ships them) costs to start: the peer that
// shows how much of dhcode's start-up is dhcode's own work.
#include <simdjson.h>

#include <cstdio>

int main(int argc, char**) {
  if (argc > 100) {  // never taken; keeps libsimdjson linked
    simdjson::dom::parser parser;
    simdjson::dom::element element;
    return static_cast<int>(parser.parse("1", 1).get(element));
  }
  std::puts("x");
}
