#include <sys/mman.h>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

TEST(Mmap, AnonymousAndFileMappings) {
  FakeMemory m;
  EXPECT_EQ(trace_line("mmap", {0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, uint64_t(-1), 0},
                       0x7f0000000000, m),
            "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000");
  EXPECT_EQ(trace_line("mmap", {0x7f0000026000, 1400832, PROT_READ | PROT_EXEC,
                                MAP_PRIVATE | MAP_FIXED | MAP_DENYWRITE, 3, 0x26000},
                       0x7f0000026000, m),
            "mmap(0x7f0000026000, 1400832, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = "
            "0x7f0000026000");
}

TEST(Mmap, UnknownTypeAndFailure) {
  FakeMemory m;
  EXPECT_EQ(trace_line("mmap", {0, 4096, PROT_NONE, 0xd, uint64_t(-1), 0}, -22, m),
            "mmap(NULL, 4096, PROT_NONE, 0xd /* MAP_??? */, -1, 0) = -1 EINVAL (Invalid argument)");
}

TEST(Madvise, Advice) {
  FakeMemory m;
  EXPECT_EQ(trace_line("madvise", {0x1000, 4096, MADV_DONTNEED}, 0, m),
            "madvise(0x1000, 4096, MADV_DONTNEED)    = 0");
  EXPECT_EQ(trace_line("madvise", {0, 4096, 99}, -22, m),
            "madvise(NULL, 4096, 0x63 /* MADV_??? */) = -1 EINVAL (Invalid argument)");
}

}  // namespace
}  // namespace sct::testing

namespace sct::testing {
namespace {

// realloc's MREMAP_MAYMOVE takes four arguments; the new address is one only
// with MREMAP_FIXED (lines from strace 6.1).
TEST(Mremap, NewAddressOnlyWhenFixed) {
  FakeMemory m;
  EXPECT_EQ(trace_line("mremap", {0x7f0000000000, 8192, 16384, MREMAP_MAYMOVE, 0}, 0x7f0000100000, m),
            "mremap(0x7f0000000000, 8192, 16384, MREMAP_MAYMOVE) = 0x7f0000100000");
  EXPECT_EQ(trace_line("mremap", {0x7f0000000000, 16384, 4096, 0, 0x1234}, 0x7f0000000000, m),
            "mremap(0x7f0000000000, 16384, 4096, 0)  = 0x7f0000000000");
  EXPECT_EQ(trace_line("mremap", {0x7f0000000000, 4096, 8192, MREMAP_MAYMOVE | MREMAP_FIXED, 0x7f0000200000},
                       0x7f0000200000, m),
            "mremap(0x7f0000000000, 4096, 8192, MREMAP_MAYMOVE|MREMAP_FIXED, 0x7f0000200000) = 0x7f0000200000");
  EXPECT_EQ(trace_line("mremap", {0x7f0000000000, 8192, 8192, 0x80, 0x5000}, -22, m),
            "mremap(0x7f0000000000, 8192, 8192, 0x80 /* MREMAP_??? */) = -1 EINVAL (Invalid argument)");
}

}  // namespace
}  // namespace sct::testing
