#include <array>
#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

// strace 6.1's output is the spec (tests/golden/notify.out).
TEST(FanotifyInit, ClassThenFlags) {
  FakeMemory m;
  EXPECT_EQ(trace_line_unpadded("fanotify_init", {0, 0}, 3, m), "fanotify_init(FAN_CLASS_NOTIF, O_RDONLY) = 3");
  EXPECT_EQ(trace_line_unpadded("fanotify_init", {5, 02000002}, 4, m), "fanotify_init(FAN_CLASS_CONTENT|FAN_CLOEXEC, O_RDWR|O_CLOEXEC) = 4");
  EXPECT_EQ(trace_line_unpadded("fanotify_init", {0xc, 3}, -22, m), "fanotify_init(0xc /* FAN_CLASS_??? */, O_ACCMODE) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("fanotify_init", {0xffffffff00000000 | 0x10000000, 0}, -22, m),
            "fanotify_init(FAN_CLASS_NOTIF|0x10000000 /* FAN_??? */, O_RDONLY) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("fanotify_init", {0x10000009, 0}, -22, m),
            "fanotify_init(FAN_CLASS_PRE_CONTENT|FAN_CLOEXEC|0x10000000, O_RDONLY) = -1 EINVAL (Invalid argument)");
}

}  // namespace
}  // namespace sct::testing
