#include <array>
#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

// Expected lines: strace 6.1's (tests/golden/misc_lo.out).
TEST(IpcGet, KeyFlagsMode) {
  FakeMemory m;
  EXPECT_EQ(trace_line_unpadded("shmget", {0, 0, 01000 | 02000 | 0600}, -22, m),
            "shmget(IPC_PRIVATE, 0, IPC_CREAT|IPC_EXCL|0600) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("shmget", {0x5c7a11f0, 4096, 0}, -2, m),
            "shmget(0x5c7a11f0, 4096, 000) = -1 ENOENT (No such file or directory)");
  EXPECT_EQ(trace_line_unpadded("shmget", {0x1234, 4096, (21u << 26) | 04000 | 0600}, 1, m),
            "shmget(0x1234, 4096, SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600) = 1");
  EXPECT_EQ(trace_line_unpadded("shmget", {0xffffffff00001234, 1, 0x2000 | 0644}, 1, m), "shmget(0x1234, 1, 0x2000|0644) = 1");
  // semget and msgget glue an unnamed residue to the mode, as strace does.
  EXPECT_EQ(trace_line_unpadded("semget", {0x1234, 1, 0x1000 | 0644}, 1, m), "semget(0x1234, 1, 0x10000644) = 1");
  EXPECT_EQ(trace_line_unpadded("msgget", {0xffffffffffffffff, 02000 | 04000 | 0444}, 1, m),
            "msgget(0xffffffff, IPC_EXCL|IPC_NOWAIT|0444) = 1");
}

}  // namespace
}  // namespace sct::testing
