#include <asm/ldt.h>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

// Expected lines: strace 6.1's (tests/golden/misc_lo.out).
TEST(ThreadArea, UserDesc) {
  FakeMemory m;
  user_desc u{};
  u.entry_number = static_cast<unsigned>(-1);
  u.base_addr = 0x1000;
  u.limit = 0xfffff;
  u.seg_32bit = 1;
  u.contents = 2;
  u.useable = 1;
  m.put_obj(0x1000, u);
  EXPECT_EQ(trace_line("set_thread_area", {0x1000}, -38, m),
            "set_thread_area({entry_number=-1, base_addr=0x001000, limit=0x0fffff, seg_32bit=1, contents=2, "
            "read_exec_only=0, limit_in_pages=0, seg_not_present=0, useable=1, lm=0}) = -1 ENOSYS (Function not "
            "implemented)");
  EXPECT_EQ(trace_line("get_thread_area", {0x1000}, -38, m),
            "get_thread_area({entry_number=-1, ...}) = -1 ENOSYS (Function not implemented)");
  EXPECT_EQ(trace_line("set_thread_area", {0x9000}, -38, m),
            "set_thread_area(0x9000)                 = -1 ENOSYS (Function not implemented)");
}

}  // namespace
}  // namespace sct::testing
