#include <array>
#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

TEST(Mount, TypeAndDataByFlags) {
  FakeMemory m;
  m.put_str(0x1000, "src");
  m.put_str(0x2000, "/mnt");
  m.put_str(0x3000, "tmpfs");
  m.put_str(0x4000, "size=1");
  EXPECT_EQ(trace_line_unpadded("mount", {0x1000, 0x2000, 0x3000, 0, 0x4000}, 0, m),
            R"(mount("src", "/mnt", "tmpfs", 0, "size=1") = 0)");
  EXPECT_EQ(trace_line_unpadded("mount", {0x1000, 0x2000, 0x3000, 0x1000 | 0x4000, 0x4000}, 0, m),
            R"(mount("src", "/mnt", 0x3000, MS_BIND|MS_REC, 0x4000) = 0)");
  EXPECT_EQ(trace_line_unpadded("mount", {0x1000, 0x2000, 0x3000, 0x20, 0x4000}, 0, m),
            R"(mount("src", "/mnt", 0x3000, MS_REMOUNT, "size=1") = 0)");
  EXPECT_EQ(trace_line_unpadded("mount", {0x1000, 0x2000, 0x3000, 0xc0ed0000, 0x4000}, 0, m),
            R"(mount("src", "/mnt", "tmpfs", MS_MGC_VAL, "size=1") = 0)");
  EXPECT_EQ(trace_line_unpadded("mount", {0x1000, 0x2000, 0x3000, 0xffffffff00000000, 0}, -2, m),
            R"(mount("src", "/mnt", "tmpfs", 0xffffffff00000000 /* MS_??? */, NULL) = -1 ENOENT (No such file or directory))");
  EXPECT_EQ(trace_line_unpadded("mount", {0x9000, 0x9000, 0x9000, 1, 0x9000}, -14, m),
            "mount(0x9000, 0x9000, 0x9000, MS_RDONLY, 0x9000) = -1 EFAULT (Bad address)");
}

TEST(Mknod, DeviceOnlyForDeviceFiles) {
  FakeMemory m;
  m.put_str(0x1000, "/x");
  EXPECT_EQ(trace_line_unpadded("mknod", {0x1000, 020600, 0x103}, 0, m), R"(mknod("/x", S_IFCHR|0600, makedev(0x1, 0x3)) = 0)");
  EXPECT_EQ(trace_line_unpadded("mknod", {0x1000, 010644, 5}, 0, m), R"(mknod("/x", S_IFIFO|0644) = 0)");
  EXPECT_EQ(trace_line_unpadded("mknod", {0x1000, 0xffff0000 | 020000, 0xffffffff00000103}, 0, m),
            R"(mknod("/x", S_IFCHR|000, makedev(0x1, 0x3)) = 0)");
  EXPECT_EQ(trace_line_unpadded("mknod", {0x1000, 0170000, 0}, -22, m), R"(mknod("/x", 0170000) = -1 EINVAL (Invalid argument))");
}

}  // namespace
}  // namespace sct::testing
