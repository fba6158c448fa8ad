// Tracee memory through process_vm_readv, PTRACE_PEEKDATA as the fallback.
#pragma once

#include <sys/types.h>

#include "core/memory.hpp"

namespace sct {

class PtraceMemory : public Memory {
 public:
  explicit PtraceMemory(pid_t pid) : pid_(pid) {}
  void set_pid(pid_t pid) { pid_ = pid; }
  bool read(uint64_t addr, void* buf, size_t len) override;
  std::optional<std::string> read_cstr(uint64_t addr, size_t max, bool* terminated) override;

 private:
  // Reads up to len bytes without crossing into an unmapped page; returns
  // how many were read (0 when the first byte is unreadable).
  size_t read_some(uint64_t addr, char* buf, size_t len);
  pid_t pid_;
};

}  // namespace sct
