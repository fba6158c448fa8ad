#include <linux/prctl.h>

#include <cstdint>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

constexpr uint64_t kBuf = 0x7000;
constexpr uint64_t kX = 0xdead0001;

// Expected lines: strace 6.1's (tests/golden/prctl.out).
TEST(Prctl, GettersShowTheOptionAndExplainTheReturn) {
  FakeMemory m;
  EXPECT_EQ(trace_line_unpadded("prctl", {PR_GET_DUMPABLE, kX, kX, kX, kX}, 1, m),
            "prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER)");
  EXPECT_EQ(trace_line_unpadded("prctl", {PR_GET_SECUREBITS, 0, 0, 0, 0}, 0x435, m),
            "prctl(PR_GET_SECUREBITS) = 0x435 (SECBIT_NOROOT|SECBIT_NO_SETUID_FIXUP|SECBIT_KEEP_CAPS|"
            "SECBIT_KEEP_CAPS_LOCKED|0x400)");
  EXPECT_EQ(trace_line_unpadded("prctl", {PR_GET_SECUREBITS, 0, 0, 0, 0}, 0, m), "prctl(PR_GET_SECUREBITS) = 0");
  EXPECT_EQ(trace_line_unpadded("prctl", {PR_GET_TIMERSLACK, 0, 0, 0, 0}, static_cast<int64_t>(0xffffffff00000001), m),
            "prctl(PR_GET_TIMERSLACK) = 18446744069414584321");
  EXPECT_EQ(trace_line_unpadded("prctl", {PR_MCE_KILL_GET, 0, 0, 0, 0}, 0, m),
            "prctl(PR_MCE_KILL_GET, 0, 0, 0, 0) = 0 (PR_MCE_KILL_LATE)");
}

TEST(Prctl, TheTaskNameIsAtMostFifteenBytes) {
  FakeMemory m;
  m.put_str(kBuf, "aaaaaaaaaaaaaaaaaaaa");
  EXPECT_EQ(trace_line_unpadded("prctl", {PR_SET_NAME, kBuf, kX, kX, kX}, 0, m),
            "prctl(PR_SET_NAME, \"aaaaaaaaaaaaaaa\"...) = 0");
  m.put_str(kBuf, "short");
  EXPECT_EQ(trace_line_unpadded("prctl", {PR_GET_NAME, kBuf, 0, 0, 0}, 0, m), "prctl(PR_GET_NAME, \"short\") = 0");
  EXPECT_EQ(trace_line_unpadded("prctl", {PR_GET_NAME, 1, 0, 0, 0}, -14, m),
            "prctl(PR_GET_NAME, 0x1) = -1 EFAULT (Bad address)");
  EXPECT_EQ(trace_line_unpadded("prctl", {PR_SET_NAME, 1, 0, 0, 0}, -14, m),
            "prctl(PR_SET_NAME, 0x1) = -1 EFAULT (Bad address)");
}

TEST(Prctl, ValuesStoredAtExit) {
  FakeMemory m;
  m.put_obj(kBuf, int{10});
  EXPECT_EQ(trace_line_unpadded("prctl", {PR_GET_PDEATHSIG, kBuf, 0, 0, 0}, 0, m),
            "prctl(PR_GET_PDEATHSIG, [SIGUSR1]) = 0");
  EXPECT_EQ(trace_line_unpadded("prctl", {PR_GET_PDEATHSIG, 0, 0, 0, 0}, -14, m),
            "prctl(PR_GET_PDEATHSIG, NULL) = -1 EFAULT (Bad address)");
  m.put_obj(kBuf, uint64_t{0x7f0000001000});
  EXPECT_EQ(trace_line_unpadded("prctl", {PR_GET_TID_ADDRESS, kBuf, 0, 0, 0}, 0, m),
            "prctl(PR_GET_TID_ADDRESS, [0x7f0000001000]) = 0");
}

TEST(Prctl, SubOptionsAndUnknownValues) {
  FakeMemory m;
  EXPECT_EQ(trace_line_unpadded("prctl", {PR_MCE_KILL, 7, 9, kX, kX}, -22, m),
            "prctl(PR_MCE_KILL, 0x7 /* PR_MCE_KILL_??? */, 0x9, 0xdead0001, 0xdead0001) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("prctl", {PR_SET_PTRACER, 0xffffffff00000001, 0, 0, 0}, -22, m),
            "prctl(PR_SET_PTRACER, 1) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("prctl", {0, 0, 0, 0, 0}, -22, m),
            "prctl(0 /* PR_??? */, 0, 0, 0, 0) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("prctl", {0xffffffff00000003, kX, kX, kX, kX}, 1, m),
            "prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER)");
  EXPECT_EQ(trace_line_unpadded("prctl", {PR_SCHED_CORE, 9, 1234, 7, kX}, -22, m),
            "prctl(PR_SCHED_CORE, 0x9 /* PR_SCHED_CORE_??? */, 1234, 0x7 /* PIDTYPE_??? */, 0xdead0001) = -1 EINVAL "
            "(Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("prctl", {PR_SET_TAGGED_ADDR_CTRL, 0x80000 | 2 | 8, 0, 0, 0}, -22, m),
            "prctl(PR_SET_TAGGED_ADDR_CTRL, !PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_SYNC|0x1<<PR_MTE_TAG_SHIFT|0x80000, 0, 0, "
            "0) = -1 EINVAL (Invalid argument)");
}

TEST(Prctl, SeccompFilterIsItsLengthAndAddress) {
  FakeMemory m;
  struct {
    unsigned short len;
    uint64_t filter;
  } prog{3, 0x7100};
  m.put_obj(kBuf, prog);
  EXPECT_EQ(trace_line_unpadded("prctl", {PR_SET_SECCOMP, 2, kBuf, 0, 0}, 0, m),
            "prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=3, filter=0x7100}) = 0");
  EXPECT_EQ(trace_line_unpadded("prctl", {PR_SET_SECCOMP, 2, 1, 0, 0}, -14, m),
            "prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, 0x1) = -1 EFAULT (Bad address)");
}

}  // namespace
}  // namespace sct::testing
