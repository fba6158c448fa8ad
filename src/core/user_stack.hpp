// A thread's user-space call stack at a syscall or signal (-k): frames
// innermost first, already symbolised, so that every sink prints the same
// frames whichever engine unwound them (src/stack/, docs/stack_traces.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sct {

struct StackFrame {
  std::string module;   // the file mapped there; empty: no module
  std::string symbol;   // demangled; empty: none found
  uint64_t offset = 0;  // from the symbol's start
  uint64_t address = 0; // in the module (from its load address); absolute when no module
  std::string source;   // -kk: the source file, when the module's DWARF knows it
  int line = 0;
};

using UserStack = std::vector<StackFrame>;

}  // namespace sct
