// -k for an engine: one ProcessUnwinder per traced process, made when the
// process is first unwound, told when its mappings change, dropped when it
// execs or exits.
#pragma once

#include <sys/types.h>

#include <memory>
#include <unordered_map>

#include "core/user_stack.hpp"
#include "stack/process_unwinder.hpp"
#include "stack/stack_source.hpp"
#include "syscalls/syscall_table.hpp"

namespace sct {

class StackUnwinder {
 public:
  explicit StackUnwinder(StackOptions opts) : opts_(opts) {}

  UserStack unwind(pid_t tgid, pid_t tid, StackSource& src);
  // After call `s` of process `tgid` returned: the roles "maps memory" and
  // "execs" make its modules stale.
  void after_call(pid_t tgid, const SyscallInfo* s);
  // A new process forked by `parent`: it starts with the parent's mappings,
  // which stand in for its own if it is gone before it is unwound (eBPF).
  void forked(pid_t parent, pid_t child);
  // eBPF: the process exec'd; the mappings recorded next (`mapped`) are all
  // of its new program's, and its stacks are unwound with them only.
  void exec_mapped(pid_t tgid);
  // eBPF: a file mapping the kernel found made (at exec, or by a call).
  void mapped(pid_t tgid, const FileMapping& m);
  // Whether the process's stacks are unwound with recorded mappings.
  bool recorded(pid_t tgid) const {
    auto it = procs_.find(tgid);
    return it != procs_.end() && it->second->recorded();
  }
  // The process exec'd (a new program, maybe a new architecture) or is gone.
  void forget(pid_t tgid) { procs_.erase(tgid); }

 private:
  StackOptions opts_;
  std::unordered_map<pid_t, std::unique_ptr<ProcessUnwinder>> procs_;
};

}  // namespace sct
