// -k on the ptrace engine: a stopped tracee's registers (PTRACE_GETREGS)
// and stack (process_vm_readv, a page at a time: the unwinder asks for one
// word at a time, mostly from the same few pages).
#pragma once

#include <sys/types.h>

#include <array>
#include <cstdint>

#include "stack/stack_source.hpp"

namespace sct {

class PtraceStackSource : public StackSource {
 public:
  explicit PtraceStackSource(pid_t tid) : tid_(tid) {}
  bool registers(uint64_t (&regs)[kDwarfRegs], uint32_t& known) override;
  bool read_word(uint64_t addr, uint64_t& word) override;

 private:
  static constexpr uint64_t kPage = 4096;
  struct Page {
    uint64_t base = 1;  // page-aligned when filled; 1: empty
    std::array<uint8_t, kPage> bytes;
  };
  pid_t tid_;
  std::array<Page, 4> pages_;
  unsigned next_ = 0;  // the page to replace next
};

}  // namespace sct
