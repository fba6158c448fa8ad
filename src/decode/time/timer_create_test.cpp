#include <signal.h>
#include <time.h>

#include <cstring>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

// Lines from strace 6.1: the C library's default timer (timeout, tail -f),
// a value, a thread id, and bad pointers.
TEST(TimerCreate, Sigevents) {
  FakeMemory m;
  sigevent e;
  memset(&e, 0, sizeof e);
  e.sigev_signo = SIGALRM;
  e.sigev_notify = SIGEV_SIGNAL;
  m.put_obj(0x1000, e);
  m.put_obj(0x2000, int{0});
  EXPECT_EQ(trace_line("timer_create", {CLOCK_REALTIME, 0x1000, 0x2000}, 0, m),
            "timer_create(CLOCK_REALTIME, {sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL}, [0]) = 0");
  e.sigev_value.sival_int = 5;
  e.sigev_signo = SIGUSR1;
  m.put_obj(0x1000, e);
  EXPECT_EQ(trace_line("timer_create", {CLOCK_MONOTONIC, 0x1000, 0x2000}, 0, m),
            "timer_create(CLOCK_MONOTONIC, {sigev_value={sival_int=5, sival_ptr=0x5}, sigev_signo=SIGUSR1, "
            "sigev_notify=SIGEV_SIGNAL}, [0]) = 0");
  memset(&e, 0, sizeof e);
  e.sigev_notify = SIGEV_THREAD_ID;
  e.sigev_signo = 32;  // the kernel's SIGRTMIN (the C library's is 34)
  e._sigev_un._tid = 42;
  m.put_obj(0x1000, e);
  EXPECT_EQ(trace_line("timer_create", {CLOCK_MONOTONIC, 0x1000, 0x2000}, 0, m),
            "timer_create(CLOCK_MONOTONIC, {sigev_signo=SIGRTMIN, sigev_notify=SIGEV_THREAD_ID, "
            "sigev_notify_thread_id=42}, [0]) = 0");
  e.sigev_notify = 77;
  e.sigev_signo = 99;
  m.put_obj(0x1000, e);
  EXPECT_EQ(trace_line("timer_create", {CLOCK_MONOTONIC, 0x1000, 0x2000}, -22, m),
            "timer_create(CLOCK_MONOTONIC, {sigev_signo=99, sigev_notify=0x4d /* SIGEV_??? */}, 0x2000) = "
            "-1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line("timer_create", {CLOCK_MONOTONIC, 1, 0x2000}, -14, m),
            "timer_create(CLOCK_MONOTONIC, 0x1, 0x2000) = -1 EFAULT (Bad address)");
  EXPECT_EQ(trace_line("timer_create", {CLOCK_MONOTONIC, 0, 1}, -14, m),
            "timer_create(CLOCK_MONOTONIC, NULL, 0x1) = -1 EFAULT (Bad address)");
}

}  // namespace
}  // namespace sct::testing
