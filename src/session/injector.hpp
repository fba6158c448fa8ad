// -e inject= / -e fault=: which call is tampered with now. strace counts the
// invocations of each syscall per tracee, that is per thread (a new thread
// or process starts from zero), and only those it traces (-e trace=, -P):
// the session asks here for each call that passed its filters.
#pragma once

#include <sys/types.h>

#include <unordered_map>

#include "core/tampering.hpp"
#include "filter/inject.hpp"

namespace sct {

class Injector {
 public:
  explicit Injector(const InjectOptions& opts) : opts_(opts) {}

  bool active() const { return opts_.any(); }
  // Counts this invocation of `nr` by thread `tid`; what to do to it, or null.
  const Tampering* decide(pid_t tid, long nr);
  // The thread is gone: a new one with its id starts counting afresh.
  void forget(pid_t tid) { counts_.erase(tid); }

 private:
  const InjectOptions& opts_;
  std::unordered_map<pid_t, std::unordered_map<long, uint64_t>> counts_;
};

}  // namespace sct
