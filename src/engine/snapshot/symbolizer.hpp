// An instruction pointer of another process as "symbol+0xoff (library)":
// /proc/PID/maps and each ELF's symbol table, through libdwfl. Small and
// self-contained: the kernel stack and this one frame are what --why-stuck
// shows without stopping anything (full unwinding is -k's).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>

namespace sct {

class Symbolizer {
 public:
  explicit Symbolizer(pid_t pid);
  ~Symbolizer();
  Symbolizer(const Symbolizer&) = delete;
  Symbolizer& operator=(const Symbolizer&) = delete;
  // "__futex_abstimed_wait_common+0x3c (libc.so.6)", "0x7f.. (libc.so.6)"
  // without a symbol, or "0x..." outside every mapping.
  std::string describe(uint64_t pc);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace sct
