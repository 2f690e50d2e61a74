#include "cli.hpp"

int main(int argc, char** argv) {
  return dhcode::main(argc, argv);
}
