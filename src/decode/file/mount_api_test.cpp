#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

// strace 6.1's output is the spec (tests/golden/mounts_api.out).
TEST(Fsconfig, KeyValueAndAuxFollowTheCommand) {
  FakeMemory m;
  uint64_t k = m.put_str(0x1000, "source");
  uint64_t v = m.put(0x2000, std::string("v\0k", 3));
  EXPECT_EQ(trace_line_unpadded("fsconfig", {3, 0, k, v, 0}, -22, m),
            R"(fsconfig(3, FSCONFIG_SET_FLAG, "source", 0x2000, 0) = -1 EINVAL (Invalid argument))");
  EXPECT_EQ(trace_line_unpadded("fsconfig", {3, 1, k, v, 0}, 0, m), R"(fsconfig(3, FSCONFIG_SET_STRING, "source", "v", 0) = 0)");
  EXPECT_EQ(trace_line_unpadded("fsconfig", {3, 2, k, v, 3}, 0, m),
            R"(fsconfig(3, FSCONFIG_SET_BINARY, "source", "\x76\x00\x6b", 3) = 0)");
  EXPECT_EQ(trace_line_unpadded("fsconfig", {3, 3, k, v, 0xffffff9c}, 0, m),
            R"(fsconfig(3, FSCONFIG_SET_PATH, "source", "v", AT_FDCWD) = 0)");
  EXPECT_EQ(trace_line_unpadded("fsconfig", {3, 5, k, v, 4}, 0, m), R"(fsconfig(3, FSCONFIG_SET_FD, "source", 0x2000, 4) = 0)");
  EXPECT_EQ(trace_line_unpadded("fsconfig", {3, 6, 0, 0, 0}, 0, m), "fsconfig(3, FSCONFIG_CMD_CREATE, NULL, NULL, 0) = 0");
  // cmd is 32 bits; unknown commands print every pointer bare.
  EXPECT_EQ(trace_line_unpadded("fsconfig", {3, 0x100000001, 0x9000, 0x9100, 0}, -14, m),
            "fsconfig(3, FSCONFIG_SET_STRING, 0x9000, 0x9100, 0) = -1 EFAULT (Bad address)");
  EXPECT_EQ(trace_line_unpadded("fsconfig", {3, 9, k, v, 1}, -22, m),
            "fsconfig(3, 0x9 /* FSCONFIG_??? */, 0x1000, 0x2000, 1) = -1 EINVAL (Invalid argument)");
}

TEST(Mknodat, DeviceOnlyForDevices) {
  FakeMemory m;
  uint64_t p = m.put_str(0x1000, "/x");
  EXPECT_EQ(trace_line_unpadded("mknodat", {0xffffff9c, p, 020600, 0x103}, 0, m),
            R"(mknodat(AT_FDCWD, "/x", S_IFCHR|0600, makedev(0x1, 0x3)) = 0)");
  EXPECT_EQ(trace_line_unpadded("mknodat", {0xffffff9c, p, 010600, 0x103}, 0, m), R"(mknodat(AT_FDCWD, "/x", S_IFIFO|0600) = 0)");
  EXPECT_EQ(trace_line_unpadded("mknodat", {0xffffff9c, p, 0, 5}, 0, m), R"(mknodat(AT_FDCWD, "/x", 000) = 0)");
  EXPECT_EQ(trace_line_unpadded("mknodat", {0xffffff9c, p, 0170600, 0}, -22, m),
            R"(mknodat(AT_FDCWD, "/x", 0170600) = -1 EINVAL (Invalid argument))");
  // umode_t is 16 bits, dev 32; a bad path prints as its address.
  EXPECT_EQ(trace_line_unpadded("mknodat", {5, 0x9000, 0xffff0000 | 060000 | 04600, 0x5a5a5a5a00000801}, -14, m),
            "mknodat(5, 0x9000, S_IFBLK|S_ISUID|0600, makedev(0x8, 0x1)) = -1 EFAULT (Bad address)");
}

}  // namespace
}  // namespace sct::testing
