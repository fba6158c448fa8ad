#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

// strace 6.1's output is the spec (tests/golden/flagsets.out).
TEST(MemfdCreate, FlagsThenHugePageSize) {
  FakeMemory m;
  m.put(0x1000, std::string("m\0", 2));
  EXPECT_EQ(trace_line_unpadded("memfd_create", {0x1000, 0}, 3, m), R"(memfd_create("m", 0) = 3)");
  EXPECT_EQ(trace_line_unpadded("memfd_create", {0x1000, 3}, 3, m), R"(memfd_create("m", MFD_CLOEXEC|MFD_ALLOW_SEALING) = 3)");
  EXPECT_EQ(trace_line_unpadded("memfd_create", {0x1000, 0x100}, -22, m),
            R"(memfd_create("m", 0x100 /* MFD_??? */) = -1 EINVAL (Invalid argument))");
  EXPECT_EQ(trace_line_unpadded("memfd_create", {0x1000, 4 | 21u << 26}, 3, m), R"(memfd_create("m", MFD_HUGETLB|21<<MFD_HUGE_SHIFT) = 3)");
  EXPECT_EQ(trace_line_unpadded("memfd_create", {0x1000, 21u << 26}, -22, m),
            R"(memfd_create("m", 21<<MFD_HUGE_SHIFT) = -1 EINVAL (Invalid argument))");
  EXPECT_EQ(trace_line_unpadded("memfd_create", {0x1000, 0x8 | 1u << 26}, -22, m),
            R"(memfd_create("m", 0x8 /* MFD_??? */|1<<MFD_HUGE_SHIFT) = -1 EINVAL (Invalid argument))");
  // The kernel reads 32 bits; an unreadable name prints as its address.
  EXPECT_EQ(trace_line_unpadded("memfd_create", {0x9000, 0xffffffff00000001}, -14, m),
            "memfd_create(0x9000, MFD_CLOEXEC) = -1 EFAULT (Bad address)");
}

}  // namespace
}  // namespace sct::testing
