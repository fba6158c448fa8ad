#include <array>
#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

TEST(Personality, DomainThenFlags) {
  FakeMemory m;
  EXPECT_EQ(trace_line_unpadded("personality", {0xffffffff}, 0, m), "personality(0xffffffff) = 0 (PER_LINUX)");
  EXPECT_EQ(trace_line_unpadded("personality", {0x40008}, 0x40008, m),
            "personality(PER_LINUX32|ADDR_NO_RANDOMIZE) = 0x40008 (PER_LINUX32|ADDR_NO_RANDOMIZE)");
  EXPECT_EQ(trace_line_unpadded("personality", {0x80000001 | 0x4000000 | 0x100000}, 0x77, m),
            "personality(0x1 /* PER_??? */|MMAP_PAGE_ZERO|STICKY_TIMEOUTS|0x80000000) = 0x77 (0x77 /* PER_??? */)");
}

TEST(Reboot, MagicsCommandAndRestart2String) {
  FakeMemory m;
  m.put_str(0x1000, "x");
  EXPECT_EQ(trace_line_unpadded("reboot", {1, 2, 3, 0}, -22, m),
            "reboot(0x1 /* LINUX_REBOOT_MAGIC_??? */, 0x2 /* LINUX_REBOOT_MAGIC_??? */, "
            "0x3 /* LINUX_REBOOT_CMD_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("reboot", {0xfee1dead, 5, 0xa1b2c3d4, 0x1000}, -22, m),
            "reboot(LINUX_REBOOT_MAGIC1, 0x5 /* LINUX_REBOOT_MAGIC_??? */, LINUX_REBOOT_CMD_RESTART2, \"x\") "
            "= -1 EINVAL (Invalid argument)");
}

TEST(Ioprio, ClassAndLevel) {
  FakeMemory m;
  EXPECT_EQ(trace_line_unpadded("ioprio_get", {1, 0}, 16388, m),
            "ioprio_get(IOPRIO_WHO_PROCESS, 0) = 16388 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))");
  EXPECT_EQ(trace_line_unpadded("ioprio_set", {7, 0, (7 << 13) | 9}, -22, m),
            "ioprio_set(0x7 /* IOPRIO_WHO_??? */, 0, IOPRIO_PRIO_VALUE(0x7 /* IOPRIO_CLASS_??? */, 9)) "
            "= -1 EINVAL (Invalid argument)");
}

TEST(Syslog, ArgumentsByAction) {
  FakeMemory m;
  m.put(0x1000, "<5>[    0.0]");
  DecodeOptions o;
  o.max_strlen = 8;
  EXPECT_EQ(trace_line_unpadded("syslog", {10, 0, 0}, 131072, m), "syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */) = 131072");
  EXPECT_EQ(trace_line_unpadded("syslog", {2, 0x1000, 64}, 12, m, o),
            R"(syslog(2 /* SYSLOG_ACTION_READ */, "<5>[    "..., 64) = 12)");
  EXPECT_EQ(trace_line_unpadded("syslog", {3, 0x1000, 10}, -22, m),
            "syslog(3 /* SYSLOG_ACTION_READ_ALL */, 0x1000, 10) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("syslog", {8, 0, 0}, -22, m),
            "syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 0 /* LOGLEVEL_EMERG */) = -1 EINVAL (Invalid argument)");
}

}  // namespace
}  // namespace sct::testing
