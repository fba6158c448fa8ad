#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

// strace 6.1's output is the spec (tests/golden/misc_hi.out).
TEST(Membarrier, CpuOnlyWithItsFlagAndQueryNamesCommands) {
  FakeMemory m;
  EXPECT_EQ(trace_line_unpadded("membarrier", {0, 0, 0}, 0x19, m),
            "membarrier(MEMBARRIER_CMD_QUERY, 0) = 0x19 (MEMBARRIER_CMD_GLOBAL|MEMBARRIER_CMD_PRIVATE_EXPEDITED|"
            "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED)");
  EXPECT_EQ(trace_line_unpadded("membarrier", {1, 1, 3}, -22, m),
            "membarrier(MEMBARRIER_CMD_GLOBAL, MEMBARRIER_CMD_FLAG_CPU, 3) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("membarrier", {0xffffffff, 2, 3}, -22, m),
            "membarrier(0xffffffff /* MEMBARRIER_CMD_??? */, 0x2 /* MEMBARRIER_CMD_FLAG_??? */) = -1 EINVAL "
            "(Invalid argument)");
}

TEST(KexecFileLoad, CommandLineIsABufferOfItsLength) {
  FakeMemory m;
  uint64_t p = m.put(0x1000, std::string("abc\0", 4));
  EXPECT_EQ(trace_line_unpadded("kexec_file_load", {3, 4, 4, p, 0}, -38, m),
            R"(kexec_file_load(3, 4, 4, "abc\0", 0) = -1 ENOSYS (Function not implemented))");
  EXPECT_EQ(trace_line_unpadded("kexec_file_load", {3, 4, 4, 0, 0xffffffff00000001}, -9, m),
            "kexec_file_load(3, 4, 4, NULL, KEXEC_FILE_UNLOAD|0xffffffff00000000) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(trace_line_unpadded("kexec_file_load", {3, 4, 4, 0x9000, 0x10}, -14, m),
            "kexec_file_load(3, 4, 4, 0x9000, 0x10 /* KEXEC_FILE_??? */) = -1 EFAULT (Bad address)");
}

}  // namespace
}  // namespace sct::testing
