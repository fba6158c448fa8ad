// Tracee memory for the snapshot engine: process_vm_readv only. Unlike
// PtraceMemory it has no PTRACE_PEEKDATA fallback: nothing is attached.
#pragma once

#include <sys/types.h>

#include "core/memory.hpp"

namespace sct {

class SnapshotMemory : public Memory {
 public:
  explicit SnapshotMemory(pid_t pid) : pid_(pid) {}
  bool read(uint64_t addr, void* buf, size_t len) override;
  std::optional<std::string> read_cstr(uint64_t addr, size_t max, bool* terminated) override;

 private:
  pid_t pid_;
};

}  // namespace sct
