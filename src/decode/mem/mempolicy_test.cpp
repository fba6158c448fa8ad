#include <array>
#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

// Expected lines: strace 6.1's (tests/golden/memory_policy.out).
TEST(Mempolicy, ModesAndNodeMasks) {
  FakeMemory m;
  uint64_t w[4] = {0x1111111111111111, 1, 0, 0x4444444444444444};
  m.put_obj(0x1000, w);
  EXPECT_EQ(trace_line_unpadded("set_mempolicy", {1 | (1 << 15), 0x1000, 130}, 0, m),
            "set_mempolicy(MPOL_PREFERRED|MPOL_F_STATIC_NODES, [0x1111111111111111, 0x00000000000001, "
            "0000000000000000], 130) = 0");
  EXPECT_EQ(trace_line_unpadded("set_mempolicy", {3 | (1 << 14) | 0x1000, 0x1000, 3}, -22, m),
            "set_mempolicy(MPOL_F_RELATIVE_NODES|0x1003, [0x1111111111111111], 3) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("set_mempolicy", {2, 0x1000, 1}, -22, m), "set_mempolicy(MPOL_BIND, 0x1000, 1) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("set_mempolicy", {77, 0x1000, 0}, -22, m),
            "set_mempolicy(0x4d /* MPOL_??? */, [], 0) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("mbind", {0x7000, 8192, 0xffffffff00000002, 0x9000, 64, 0xffffffff}, -14, m),
            "mbind(0x7000, 8192, 0xffffffff00000002 /* MPOL_??? */, 0x9000, 64, "
            "MPOL_MF_STRICT|MPOL_MF_MOVE|MPOL_MF_MOVE_ALL|0xfffffff8) = -1 EFAULT (Bad address)");
  int pol = 0;
  m.put_obj(0x2000, pol);
  EXPECT_EQ(trace_line_unpadded("get_mempolicy", {0x2000, 0x1000, 64, 0, 0}, 0, m),
            "get_mempolicy([MPOL_DEFAULT], [0x1111111111111111], 64, NULL, 0) = 0");
  EXPECT_EQ(trace_line_unpadded("get_mempolicy", {0x2000, 0x1000, 64, 0, 3}, -14, m),
            "get_mempolicy(0x2000, 0x1000, 64, NULL, MPOL_F_NODE|MPOL_F_ADDR) = -1 EFAULT (Bad address)");
}

// Both masks of maxnode - 1 bits, read at entry whatever the outcome.
TEST(MigratePages, TwoNodeMasks) {
  FakeMemory m;
  uint64_t w[2] = {1, 0x8000000000000000};
  m.put_obj(0x1000, w);
  EXPECT_EQ(trace_line_unpadded("migrate_pages", {0, 128, 0x1000, 0x1000}, 0, m),
            "migrate_pages(0, 128, [0x00000000000001, 0x8000000000000000], [0x00000000000001, 0x8000000000000000]) = 0");
  EXPECT_EQ(trace_line_unpadded("migrate_pages", {0xffffffffffffffff, 65, 0, 1}, -3, m),
            "migrate_pages(-1, 65, NULL, 0x1) = -1 ESRCH (No such process)");
  EXPECT_EQ(trace_line_unpadded("migrate_pages", {0, 1, 0x1000, 0x1000}, -22, m),
            "migrate_pages(0, 1, 0x1000, 0x1000) = -1 EINVAL (Invalid argument)");
}

TEST(Mincore, OneBytePerPage) {
  FakeMemory m;
  m.put(0x1000, std::string("\1\0\1\0", 4));
  EXPECT_EQ(trace_line_unpadded("mincore", {0x7000, 3 * 4096 + 1, 0x1000}, 0, m), "mincore(0x7000, 12289, [1, 0, 1, 0]) = 0");
  EXPECT_EQ(trace_line_unpadded("mincore", {0x7000, 4096, 0x1}, -14, m), "mincore(0x7000, 4096, 0x1) = -1 EFAULT (Bad address)");
}

}  // namespace
}  // namespace sct::testing
