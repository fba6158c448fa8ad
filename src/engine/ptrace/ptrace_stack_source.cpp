#include "engine/ptrace/ptrace_stack_source.hpp"

#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>

#include <cstring>

namespace sct {

bool PtraceStackSource::registers(uint64_t (&regs)[kDwarfRegs], uint32_t& known) {
  user_regs_struct r{};
  if (ptrace(PTRACE_GETREGS, tid_, nullptr, &r) != 0) return false;
  const uint64_t dwarf_order[kDwarfRegs] = {r.rax, r.rdx, r.rcx, r.rbx, r.rsi, r.rdi, r.rbp, r.rsp, r.r8,
                                            r.r9,  r.r10, r.r11, r.r12, r.r13, r.r14, r.r15, r.rip};
  memcpy(regs, dwarf_order, sizeof regs);
  known = (1u << kDwarfRegs) - 1;
  return true;
}

bool PtraceStackSource::read_word(uint64_t addr, uint64_t& word) {
  const uint64_t base = addr & ~(kPage - 1);
  // A word across two pages is read directly.
  if (addr + sizeof word > base + kPage) {
    iovec local{&word, sizeof word}, remote{reinterpret_cast<void*>(addr), sizeof word};
    return process_vm_readv(tid_, &local, 1, &remote, 1, 0) == sizeof word;
  }
  for (Page& p : pages_) {
    if (p.base == base) {
      memcpy(&word, p.bytes.data() + (addr - base), sizeof word);
      return true;
    }
  }
  Page& p = pages_[next_];
  next_ = (next_ + 1) % pages_.size();
  iovec local{p.bytes.data(), kPage}, remote{reinterpret_cast<void*>(base), kPage};
  if (process_vm_readv(tid_, &local, 1, &remote, 1, 0) != static_cast<ssize_t>(kPage)) {
    p.base = 1;
    return false;
  }
  p.base = base;
  memcpy(&word, p.bytes.data() + (addr - base), sizeof word);
  return true;
}

}  // namespace sct
