#include <signal.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

// strace 6.1's output is the spec (tests/golden/pidfds.out).
TEST(Signalfd, MaskOnlyOfTheKernelsSigsetSize) {
  FakeMemory m;
  uint64_t set = (1ull << (SIGUSR1 - 1)) | (1ull << (SIGTERM - 1));
  uint64_t p = m.put_obj(0x1000, set);
  EXPECT_EQ(trace_line_unpadded("signalfd", {0xffffffff, p, 8}, 3, m), "signalfd(-1, [USR1 TERM], 8) = 3");
  EXPECT_EQ(trace_line_unpadded("signalfd", {0xffffffff, p, 16}, -22, m), "signalfd(-1, 0x1000, 16) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("signalfd4", {0xffffffff, 0x9000, 8, 1}, -14, m),
            "signalfd4(-1, 0x9000, 8, 0x1 /* SFD_??? */) = -1 EFAULT (Bad address)");
}

TEST(SigqueueInfo, SiginfoWithItsValue) {
  FakeMemory m;
  siginfo_t si{};
  si.si_signo = SIGUSR1;
  si.si_code = SI_QUEUE;
  si.si_pid = 42;
  si.si_value.sival_int = 7;
  uint64_t p = m.put_obj(0x1000, si);
  EXPECT_EQ(trace_line_unpadded("rt_tgsigqueueinfo", {42, 43, SIGUSR1, p}, 0, m),
            "rt_tgsigqueueinfo(42, 43, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=42, si_uid=0, "
            "si_int=7, si_ptr=0x7}) = 0");
  EXPECT_EQ(trace_line_unpadded("pidfd_send_signal", {3, SIGUSR1, 0x9000, 0xffffffff00000001}, -14, m),
            "pidfd_send_signal(3, SIGUSR1, 0x9000, 0x1) = -1 EFAULT (Bad address)");
  EXPECT_EQ(trace_line_unpadded("pidfd_send_signal", {3, SIGUSR1, 0, 0}, 0, m), "pidfd_send_signal(3, SIGUSR1, NULL, 0) = 0");
}

}  // namespace
}  // namespace sct::testing
