#include <sys/epoll.h>

#include <time.h>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

TEST(EpollCtl, OpEventsAndData) {
  FakeMemory m;
  epoll_event e{};
  e.events = EPOLLIN | EPOLLET;
  e.data.u64 = 0x100000003ULL;
  m.put_obj(0x1000, e);
  EXPECT_EQ(trace_line("epoll_ctl", {5, EPOLL_CTL_ADD, 3, 0x1000}, 0, m),
            "epoll_ctl(5, EPOLL_CTL_ADD, 3, {events=EPOLLIN|EPOLLET, data={u32=3, u64=4294967299}}) = 0");
  e.events = 0x4000000;
  m.put_obj(0x1000, e);
  EXPECT_EQ(trace_line("epoll_ctl", {5, 9, 3, 0x1000}, -22, m),
            "epoll_ctl(5, 0x9 /* EPOLL_CTL_??? */, 3, {events=0x4000000 /* EPOLL??? */, data={u32=3, "
            "u64=4294967299}}) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line("epoll_ctl", {5, EPOLL_CTL_ADD, 3, 0x8}, -14, m),
            "epoll_ctl(5, EPOLL_CTL_ADD, 3, 0x8)     = -1 EFAULT (Bad address)");
  EXPECT_EQ(trace_line("epoll_ctl", {5, EPOLL_CTL_DEL, 3, 0}, 0, m),
            "epoll_ctl(5, EPOLL_CTL_DEL, 3, NULL)    = 0");
}

TEST(EpollWait, EventsUpToTheReturnValueAndSWithoutV) {
  FakeMemory m;
  epoll_event ev[40];
  for (int i = 0; i < 40; ++i) ev[i] = epoll_event{EPOLLOUT, {.u64 = static_cast<uint64_t>(i)}};
  m.put_obj(0x1000, ev);
  EXPECT_EQ(trace_line("epoll_wait", {5, 0x1000, 64, 0}, 2, m),
            "epoll_wait(5, [{events=EPOLLOUT, data={u32=0, u64=0}}, {events=EPOLLOUT, data={u32=1, u64=1}}], "
            "64, 0) = 2");
  EXPECT_EQ(trace_line("epoll_wait", {5, 0x1000, 64, 0}, 0, m), "epoll_wait(5, [], 64, 0)                = 0");
  DecodeOptions s1;
  s1.max_strlen = 1;
  EXPECT_EQ(trace_line("epoll_wait", {5, 0x1000, 64, static_cast<uint64_t>(-1)}, 40, m, s1),
            "epoll_wait(5, [{events=EPOLLOUT, data={u32=0, u64=0}}, ...], 64, -1) = 40");
  EXPECT_EQ(trace_line("epoll_wait", {99, 0x1000, 64, 0}, -9, m),
            "epoll_wait(99, 0x1000, 64, 0)           = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(trace_line("epoll_wait", {5, 0xdead0000, 64, 0}, 1, m), "epoll_wait(5, 0xdead0000, 64, 0)        = 1");
}

TEST(EpollPwait, SignalMask) {
  FakeMemory m;
  m.put_obj(0x2000, uint64_t{1} << (SIGUSR1 - 1));
  EXPECT_EQ(trace_line("epoll_pwait", {5, 0x1000, 4, 0, 0x2000, 8}, 0, m),
            "epoll_pwait(5, [], 4, 0, [USR1], 8)     = 0");
}

// strace 6.1's output is the spec (tests/golden/notify.out).
TEST(EpollPwait2, TimeoutAndMaskAtExitAddressesWhenFailed) {
  FakeMemory m;
  m.put_obj(0x2000, uint64_t{1} << (SIGUSR1 - 1));
  m.put_obj(0x3000, timespec{1, 500});
  EXPECT_EQ(trace_line("epoll_pwait2", {5, 0x1000, 4, 0x3000, 0x2000, 8}, 0, m),
            "epoll_pwait2(5, [], 4, {tv_sec=1, tv_nsec=500}, [USR1], 8) = 0");
  EXPECT_EQ(trace_line("epoll_pwait2", {5, 0x1000, 4, 0x3000, 0x2000, 8}, -9, m),
            "epoll_pwait2(5, 0x1000, 4, 0x3000, 0x2000, 8) = -1 EBADF (Bad file descriptor)");
}

TEST(EpollCreate1, Flags) {
  FakeMemory m;
  EXPECT_EQ(trace_line("epoll_create1", {EPOLL_CLOEXEC}, 3, m), "epoll_create1(EPOLL_CLOEXEC)            = 3");
  EXPECT_EQ(trace_line("epoll_create1", {0}, 3, m), "epoll_create1(0)                        = 3");
  EXPECT_EQ(trace_line("epoll_create1", {0x1234}, -22, m),
            "epoll_create1(0x1234 /* EPOLL_??? */)   = -1 EINVAL (Invalid argument)");
}

}  // namespace
}  // namespace sct::testing
