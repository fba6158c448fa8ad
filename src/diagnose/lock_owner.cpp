#include "diagnose/lock_owner.hpp"

#include <linux/futex.h>

#include <algorithm>
#include <cstddef>
#include <cstring>

namespace sct {

namespace {

// glibc's struct __pthread_mutex_s on x86_64 (bits/struct_mutex.h), up to
// __kind; the futex word is __lock.
struct MutexHead {
  int lock;
  unsigned count;
  int owner;
  unsigned nusers;
  int kind;
};
static_assert(offsetof(MutexHead, owner) == 8 && offsetof(MutexHead, kind) == 16);

// glibc's struct __pthread_rwlock_arch_t (bits/struct_rwlock.h), up to
// __cur_writer. Writers sleep on __writers_futex, readers on
// __wrphase_futex (nptl/pthread_rwlock_common.c).
struct RwlockHead {
  unsigned readers;
  unsigned writers;
  unsigned wrphase_futex;
  unsigned writers_futex;
  unsigned pad3;
  unsigned pad4;
  int cur_writer;
};
static_assert(offsetof(RwlockHead, wrphase_futex) == 8 && offsetof(RwlockHead, writers_futex) == 12 &&
              offsetof(RwlockHead, cur_writer) == 24);

// glibc's mutex kinds (nptl's PTHREAD_MUTEX_*_NP): the type in the low two
// bits, then robust (16), PI (32), PP (64), process-shared (128), and the
// elision bits (256, 512).
constexpr int kKindType = 3, kRobust = 16, kPi = 32, kPp = 64, kPshared = 128;
constexpr int kKindKnown = kKindType | kRobust | kPi | kPp | kPshared | 256 | 512;
// __readers: bit 1 set while a writer holds the lock (PTHREAD_RWLOCK_WRLOCKED).
constexpr unsigned kRwWrLocked = 2;

bool has(const std::vector<pid_t>& threads, pid_t tid) {
  return tid > 0 && std::find(threads.begin(), threads.end(), tid) != threads.end();
}

std::string mutex_kind(int kind) {
  std::string k = (kind & kPi) ? "PI mutex" : "mutex";
  switch (kind & kKindType) {
    case 1: k = "recursive " + k; break;
    case 2: k = "error-checking " + k; break;
    default: break;
  }
  if (kind & kRobust) k = "robust " + k;
  return k;
}

}  // namespace

bool futex_op_waits(uint64_t op) {
  const int cmd = static_cast<int>(op) & FUTEX_CMD_MASK;
  return cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET || cmd == FUTEX_LOCK_PI || cmd == FUTEX_LOCK_PI2 ||
         cmd == FUTEX_WAIT_REQUEUE_PI;
}

std::optional<LockOwner> futex_lock_owner(Memory& mem, uint64_t uaddr, uint64_t op,
                                          const std::vector<pid_t>& threads) {
  const int cmd = static_cast<int>(op) & FUTEX_CMD_MASK;
  MutexHead m{};
  const bool have_mutex = mem.read(uaddr, &m, sizeof m);
  if (cmd == FUTEX_LOCK_PI || cmd == FUTEX_LOCK_PI2) {
    // A PI futex word holds its owner's tid (linux/futex.h, FUTEX_TID_MASK).
    unsigned word = 0;
    if (!mem.read(uaddr, &word, sizeof word)) return std::nullopt;
    pid_t owner = static_cast<pid_t>(word & FUTEX_TID_MASK);
    if (!has(threads, owner)) return std::nullopt;
    return LockOwner{have_mutex && (m.kind & kPi) ? mutex_kind(m.kind) : "PI mutex", uaddr, owner};
  }
  if (cmd != FUTEX_WAIT && cmd != FUTEX_WAIT_BITSET) return std::nullopt;
  if (have_mutex && m.lock != 0 && (m.kind & ~kKindKnown) == 0 && has(threads, m.owner))
    return LockOwner{mutex_kind(m.kind), uaddr, m.owner};
  // A rwlock held for writing: the waiter sleeps on one of its two futexes.
  for (uint64_t off : {offsetof(RwlockHead, writers_futex), offsetof(RwlockHead, wrphase_futex)}) {
    if (uaddr < off) continue;
    RwlockHead r{};
    if (!mem.read(uaddr - off, &r, sizeof r)) continue;
    if ((r.readers & kRwWrLocked) && has(threads, r.cur_writer))
      return LockOwner{"rwlock", uaddr - off, r.cur_writer};
  }
  return std::nullopt;
}

}  // namespace sct
