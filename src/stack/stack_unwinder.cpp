#include "stack/stack_unwinder.hpp"

namespace sct {

UserStack StackUnwinder::unwind(pid_t tgid, pid_t tid, StackSource& src) {
  auto& p = procs_[tgid];
  if (!p) p = std::make_unique<ProcessUnwinder>(tgid, opts_);
  return p->unwind(tid, src);
}

void StackUnwinder::forked(pid_t parent, pid_t child) {
  auto p = std::make_unique<ProcessUnwinder>(child, opts_, parent);
  if (auto it = procs_.find(parent); it != procs_.end() && it->second->recorded())
    p->use_recorded(*it->second->recorded());
  procs_[child] = std::move(p);
}

void StackUnwinder::exec_mapped(pid_t tgid) {
  auto p = std::make_unique<ProcessUnwinder>(tgid, opts_);
  p->use_recorded({});
  procs_[tgid] = std::move(p);
}

void StackUnwinder::mapped(pid_t tgid, const FileMapping& m) {
  // A process whose exec was not seen (attached to) keeps reading /proc.
  if (auto it = procs_.find(tgid); it != procs_.end()) it->second->record(m);
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
