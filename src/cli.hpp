// The entry point of dhcode; the program's main() only calls this, so the
// tests link exactly the code the binary runs.
#pragma once

namespace dhcode {

int main(int argc, char** argv);

}  // namespace dhcode
