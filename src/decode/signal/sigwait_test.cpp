#include <signal.h>

#include <array>
#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

TEST(SigWait, SetsAndSiginfo) {
  FakeMemory m;
  uint64_t set = (uint64_t{1} << (SIGUSR1 - 1)) | (uint64_t{1} << 35);
  m.put_obj(0x1000, set);
  EXPECT_EQ(trace_line_unpadded("rt_sigpending", {0x1000, 8}, 0, m), "rt_sigpending([USR1 RT_4], 8) = 0");
  EXPECT_EQ(trace_line_unpadded("rt_sigpending", {0x1000, 4}, 0, m), "rt_sigpending([USR1], 4) = 0");
  EXPECT_EQ(trace_line_unpadded("rt_sigpending", {0x9000, 8}, -14, m), "rt_sigpending(0x9000, 8) = -1 EFAULT (Bad address)");
  EXPECT_EQ(trace_line_unpadded("rt_sigsuspend", {0x1000, 7}, -22, m), "rt_sigsuspend(0x1000, 7) = -1 EINVAL (Invalid argument)");
  siginfo_t si{};
  si.si_signo = SIGUSR1;
  si.si_code = SI_QUEUE;
  si.si_pid = 5;
  si.si_value.sival_int = 42;
  m.put_obj(0x2000, si);
  EXPECT_EQ(trace_line_unpadded("rt_sigqueueinfo", {5, SIGUSR1, 0x2000}, 0, m),
            "rt_sigqueueinfo(5, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=5, si_uid=0, si_int=42, "
            "si_ptr=0x2a}) = 0");
  EXPECT_EQ(trace_line_unpadded("rt_sigtimedwait", {0x1000, 0x2000, 0, 8}, SIGUSR1, m),
            "rt_sigtimedwait([USR1 RT_4], {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=5, si_uid=0, si_int=42, "
            "si_ptr=0x2a}, NULL, 8) = 10 (SIGUSR1)");
  EXPECT_EQ(trace_line_unpadded("rt_sigtimedwait", {0x1000, 0x2000, 0, 8}, -11, m),
            "rt_sigtimedwait([USR1 RT_4], 0x2000, NULL, 8) = -1 EAGAIN (Resource temporarily unavailable)");
}

}  // namespace
}  // namespace sct::testing
