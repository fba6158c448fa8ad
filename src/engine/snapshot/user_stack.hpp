// --why-stuck --stacks: a thread's user stack, with the thread stopped only
// while its registers and a window of its stack are copied (PTRACE_SEIZE,
// PTRACE_INTERRUPT, PTRACE_GETREGS, process_vm_readv, PTRACE_DETACH), then
// unwound from the copy with libdwfl once it runs again.
#pragma once

#include <sys/types.h>
#include <sys/user.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace sct {

struct StackCopy {
  pid_t tgid = 0, tid = 0;
  user_regs_struct regs{};
  uint64_t base = 0;           // the address of stack[0] (the stack pointer)
  std::vector<uint8_t> stack;  // what was readable of the window
  int64_t stopped_ns = 0;      // from PTRACE_INTERRUPT to PTRACE_DETACH
  std::string error;           // why there is no copy
};

// How much of the stack above the stack pointer is copied.
constexpr size_t kStackWindow = 64 * 1024;

// Stops thread `tid` of `tgid`, copies its registers and stack window, and
// lets it go; `error` says why not (already traced, gone, not permitted).
StackCopy copy_user_stack(pid_t tgid, pid_t tid);

// Unwinds copies of one process's threads, reading its modules once.
class StackUnwinder {
 public:
  explicit StackUnwinder(pid_t tgid);
  ~StackUnwinder();
  StackUnwinder(const StackUnwinder&) = delete;
  StackUnwinder& operator=(const StackUnwinder&) = delete;
  // The frames of the copy, innermost first: "#0  0x7f.. __lll_lock_wait+0x2b
  // (libc.so.6)". Memory outside the window is read live (process_vm_readv).
  std::vector<std::string> unwind(const StackCopy& copy, size_t max_frames = 64);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace sct
