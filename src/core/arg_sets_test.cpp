#include "core/arg_sets.hpp"

#include <sys/file.h>
#include <sys/socket.h>

#include <array>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct {
namespace {

using testing::FakeMemory;

// strace 6.1's output for each case is the spec (tests/golden/flagsets.out).
TEST(ArgSets, FlagsPrintNamesResidueOrComment) {
  FakeMemory m;
  EXPECT_EQ(testing::trace_line_unpadded("flock", {3, LOCK_EX | LOCK_NB}, 0, m), "flock(3, LOCK_EX|LOCK_NB) = 0");
  EXPECT_EQ(testing::trace_line_unpadded("flock", {3, 0}, -22, m), "flock(3, 0) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(testing::trace_line_unpadded("flock", {3, LOCK_SH | 0x100}, 0, m), "flock(3, LOCK_SH|0x100) = 0");
  EXPECT_EQ(testing::trace_line_unpadded("flock", {3, 0x100}, 0, m), "flock(3, 0x100 /* LOCK_??? */) = 0");
  // LOCK_RW before LOCK_READ and LOCK_WRITE, as strace orders them.
  EXPECT_EQ(testing::trace_line_unpadded("flock", {3, 32 | 192}, 0, m), "flock(3, LOCK_MAND|LOCK_RW) = 0");
  // The kernel reads the low 32 bits (unsigned int cmd).
  EXPECT_EQ(testing::trace_line_unpadded("flock", {3, 0xffffffff00000008}, 0, m), "flock(3, LOCK_UN) = 0");
}

TEST(ArgSets, ConstantsPrintNameOrHexComment) {
  FakeMemory m;
  EXPECT_EQ(testing::trace_line_unpadded("shutdown", {4, SHUT_RDWR}, 0, m), "shutdown(4, SHUT_RDWR) = 0");
  EXPECT_EQ(testing::trace_line_unpadded("shutdown", {4, ~0ull}, 0, m), "shutdown(4, 0xffffffff /* SHUT_??? */) = 0");
}

TEST(ArgSets, UnnamedBitsWithoutComment) {
  FakeMemory m;
  EXPECT_EQ(testing::trace_line_unpadded("pidfd_getfd", {3, 4, 0}, -9, m), "pidfd_getfd(3, 4, 0) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(testing::trace_line_unpadded("pidfd_getfd", {3, 4, ~0ull}, -22, m),
            "pidfd_getfd(3, 4, 0xffffffff) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(testing::trace_line_unpadded("memfd_secret", {0x80001}, -22, m), "memfd_secret(O_CLOEXEC|0x1) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(testing::trace_line_unpadded("memfd_secret", {1}, -22, m), "memfd_secret(0x1) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(testing::trace_line_unpadded("pkey_alloc", {~0ull << 32, 5}, -22, m),
            "pkey_alloc(0xffffffff00000000, PKEY_DISABLE_ACCESS|PKEY_DISABLE_EXECUTE) = -1 EINVAL (Invalid argument)");
}

TEST(ArgSets, EverySetArgumentHasEntries) {
  for (const SyscallInfo* s = syscalls_begin(); s != syscalls_end(); ++s)
    for (int i = 0; i < s->nargs; ++i)
      if (s->args[i] == ArgT::Set) {
        // NoNames alone has no entries: strace prints those words in hex.
        if (arg_set_info(s->sets[i]).name != "NoNames") {
          EXPECT_FALSE(arg_set_table(s->sets[i]).empty()) << s->name;
        }
        EXPECT_FALSE(arg_set_info(s->sets[i]).header.empty()) << s->name;
      }
}

}  // namespace
}  // namespace sct
