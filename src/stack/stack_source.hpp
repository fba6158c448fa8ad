// Where one unwind reads the thread's registers and stack: the stopped
// tracee itself (ptrace) or what the kernel copied at the call's entry
// (eBPF). The unwinder (process_unwinder.hpp) cannot tell which.
#pragma once

#include <cstdint>

namespace sct {

// x86_64's DWARF register numbers (the psABI's table): rax rdx rcx rbx rsi
// rdi rbp rsp r8..r15, then the return address column, which holds rip.
constexpr int kDwarfRegs = 17;
constexpr int kDwarfRbp = 6;
constexpr int kDwarfRsp = 7;
constexpr int kDwarfRip = 16;

class StackSource {
 public:
  virtual ~StackSource() = default;
  // Fills the registers it knows and marks them in `known` (bit = number).
  virtual bool registers(uint64_t (&regs)[kDwarfRegs], uint32_t& known) = 0;
  // One 8-byte word of the thread's memory; false when it cannot be had.
  virtual bool read_word(uint64_t addr, uint64_t& word) = 0;
};

}  // namespace sct
