#include <array>
#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

TEST(Groups, ArraysCountedByArgumentOrReturn) {
  FakeMemory m;
  uint32_t g[3] = {0, 1, 65534};
  m.put_obj(0x1000, g);
  EXPECT_EQ(trace_line_unpadded("setgroups", {3, 0x1000}, 0, m), "setgroups(3, [0, 1, 65534]) = 0");
  EXPECT_EQ(trace_line_unpadded("setgroups", {3, 0x9000}, -14, m), "setgroups(3, 0x9000) = -1 EFAULT (Bad address)");
  EXPECT_EQ(trace_line_unpadded("setgroups", {0xffffffff, 0x1000}, -22, m), "setgroups(-1, 0x1000) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("getgroups", {64, 0x1000}, 2, m), "getgroups(64, [0, 1]) = 2");
  EXPECT_EQ(trace_line_unpadded("getgroups", {0, 0}, 3, m), "getgroups(0, NULL) = 3");
  EXPECT_EQ(trace_line_unpadded("getgroups", {0, 0x1000}, 3, m), "getgroups(0, []) = 3");
  EXPECT_EQ(trace_line_unpadded("getgroups", {-1ull, 0x1000}, -22, m), "getgroups(-1, 0x1000) = -1 EINVAL (Invalid argument)");
}

TEST(Sendfile, OffsetBeforeAndAfter) {
  FakeMemory before, after;
  int64_t off = 2, moved = 7;
  before.put_obj(0x1000, off);
  after.put_obj(0x1000, moved);
  EXPECT_EQ(trace_line("sendfile", {4, 3, 0x1000, 5}, 5, before, {}, &after),
            "sendfile(4, 3, [2] => [7], 5)           = 5");
  EXPECT_EQ(trace_line_unpadded("sendfile", {99, 3, 0x1000, 3}, -9, before), "sendfile(99, 3, [2], 3) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(trace_line_unpadded("sendfile", {4, 3, 0x9000, 3}, -14, before), "sendfile(4, 3, 0x9000, 3) = -1 EFAULT (Bad address)");
}

}  // namespace
}  // namespace sct::testing
