#include "testing/decode_harness.hpp"

#include <gtest/gtest.h>

namespace sct::testing {
namespace {

TEST(DecodeHarness, GenericPathAndErrno) {
  FakeMemory m;
  uint64_t p = m.put_str(0x1000, "/etc/missing");
  EXPECT_EQ(trace_line("unlink", {p}, -2, m),
            R"(unlink("/etc/missing")                  = -1 ENOENT (No such file or directory))");
}

TEST(DecodeHarness, BadPointerPrintsAddress) {
  FakeMemory m;
  EXPECT_EQ(trace_line("chdir", {0xdead0000}, -14, m),
            "chdir(0xdead0000)                       = -1 EFAULT (Bad address)");
}

}  // namespace
}  // namespace sct::testing
