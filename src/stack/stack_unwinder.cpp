#include "stack/stack_unwinder.hpp"

namespace sct {

UserStack StackUnwinder::unwind(pid_t tgid, pid_t tid, StackSource& src) {
  auto& p = procs_[tgid];
  if (!p) p = std::make_unique<ProcessUnwinder>(tgid, opts_);
  return p->unwind(tid, src);
}

void StackUnwinder::after_call(pid_t tgid, const SyscallInfo* s) {
  if (has_role(s, RExec)) {
    forget(tgid);
    return;
  }
  if (!has_role(s, RMaps)) return;
  if (auto it = procs_.find(tgid); it != procs_.end()) it->second->maps_changed();
}

}  // namespace sct
