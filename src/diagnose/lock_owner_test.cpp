#include "diagnose/lock_owner.hpp"

#include <linux/futex.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <thread>

#include <gtest/gtest.h>

namespace sct {
namespace {

// This process's own memory: the locks below are real glibc locks.
class SelfMemory : public Memory {
 public:
  bool read(uint64_t addr, void* buf, size_t len) override {
    memcpy(buf, reinterpret_cast<const void*>(addr), len);
    return true;
  }
  std::optional<std::string> read_cstr(uint64_t, size_t, bool*) override { return std::nullopt; }
};

// Runs `lock` in a thread that holds it until the test ends; its tid.
class Holder {
 public:
  template <class Lock, class Unlock>
  Holder(Lock lock, Unlock unlock) {
    t_ = std::thread([=, this] {
      lock();
      tid_ = static_cast<pid_t>(gettid());
      while (!done_) usleep(1000);
      unlock();
    });
    while (!tid_) usleep(1000);
  }
  ~Holder() {
    done_ = true;
    t_.join();
  }
  pid_t tid() const { return tid_; }

 private:
  std::thread t_;
  std::atomic<pid_t> tid_{0};
  std::atomic<bool> done_{false};
};

uint64_t addr(const void* p) { return reinterpret_cast<uint64_t>(p); }

void expect_mutex_owner(int type, int protocol, const char* kind) {
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, type);
  pthread_mutexattr_setprotocol(&attr, protocol);
  pthread_mutex_t m;
  pthread_mutex_init(&m, &attr);
  SelfMemory mem;
  const uint64_t op = protocol == PTHREAD_PRIO_INHERIT ? FUTEX_LOCK_PI_PRIVATE : FUTEX_WAIT_PRIVATE;
  {
    Holder h([&] { pthread_mutex_lock(&m); }, [&] { pthread_mutex_unlock(&m); });
    auto owner = futex_lock_owner(mem, addr(&m), op, {h.tid(), static_cast<pid_t>(gettid())});
    ASSERT_TRUE(owner) << kind;
    EXPECT_EQ(owner->owner, h.tid());
    EXPECT_EQ(owner->kind, kind);
    EXPECT_EQ(owner->lock, addr(&m));
    // The owner must be a thread of the process.
    EXPECT_FALSE(futex_lock_owner(mem, addr(&m), op, {static_cast<pid_t>(gettid())})) << kind;
  }
  // Unlocked: no owner.
  EXPECT_FALSE(futex_lock_owner(mem, addr(&m), op, {static_cast<pid_t>(gettid())})) << kind;
  pthread_mutex_destroy(&m);
}

TEST(LockOwner, GlibcMutexesOfEveryKind) {
  expect_mutex_owner(PTHREAD_MUTEX_NORMAL, PTHREAD_PRIO_NONE, "mutex");
  expect_mutex_owner(PTHREAD_MUTEX_RECURSIVE, PTHREAD_PRIO_NONE, "recursive mutex");
  expect_mutex_owner(PTHREAD_MUTEX_ERRORCHECK, PTHREAD_PRIO_NONE, "error-checking mutex");
  expect_mutex_owner(PTHREAD_MUTEX_NORMAL, PTHREAD_PRIO_INHERIT, "PI mutex");
}

TEST(LockOwner, RwlockHeldForWriting) {
  pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
  SelfMemory mem;
  Holder h([&] { pthread_rwlock_wrlock(&rw); }, [&] { pthread_rwlock_unlock(&rw); });
  const std::vector<pid_t> threads = {h.tid(), static_cast<pid_t>(gettid())};
  // Writers sleep on __writers_futex, readers on __wrphase_futex
  // (bits/struct_rwlock.h): either way the owner is __cur_writer.
  for (const unsigned* word : {&rw.__data.__writers_futex, &rw.__data.__wrphase_futex}) {
    auto owner = futex_lock_owner(mem, addr(word), FUTEX_WAIT_PRIVATE, threads);
    ASSERT_TRUE(owner);
    EXPECT_EQ(owner->kind, "rwlock");
    EXPECT_EQ(owner->owner, h.tid());
    EXPECT_EQ(owner->lock, addr(&rw));
  }
}

TEST(LockOwner, NotALock) {
  SelfMemory mem;
  // A condition-variable-like word: no owner field makes sense next to it.
  struct {
    int word = 0;
    int rest[8] = {};
  } cond;
  EXPECT_FALSE(futex_lock_owner(mem, addr(&cond.word), FUTEX_WAIT_PRIVATE, {static_cast<pid_t>(gettid())}));
  EXPECT_TRUE(futex_op_waits(FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME));
  EXPECT_TRUE(futex_op_waits(FUTEX_LOCK_PI2));
  EXPECT_FALSE(futex_op_waits(FUTEX_WAKE_PRIVATE));
}

}  // namespace
}  // namespace sct
