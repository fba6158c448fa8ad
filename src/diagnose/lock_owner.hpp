// The owner of the glibc lock a thread waits for in futex(), read from the
// lock next to the futex word without stopping anything
// (/usr/include/x86_64-linux-gnu/bits/struct_mutex.h, struct_rwlock.h).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/memory.hpp"

namespace sct {

struct LockOwner {
  std::string kind;   // "mutex", "recursive mutex", "PI mutex", "rwlock", ...
  uint64_t lock = 0;  // the lock's address
  pid_t owner = 0;    // a thread of `threads`
};

// For futex(uaddr, op, ...) in a thread of a process whose threads are
// `threads`: the lock and its owner, or none when uaddr is not the word of
// a held mutex or write-locked rwlock whose owner is one of them.
std::optional<LockOwner> futex_lock_owner(Memory& mem, uint64_t uaddr, uint64_t op,
                                          const std::vector<pid_t>& threads);
// Whether op (futex's second argument) sleeps: WAIT, WAIT_BITSET, LOCK_PI,
// LOCK_PI2, WAIT_REQUEUE_PI.
bool futex_op_waits(uint64_t op);

}  // namespace sct
