#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct {
namespace {

using testing::FakeMemory;
using testing::trace_line;

TEST(Affinity, SetaffinityPrintsTheMaskItReads) {
  FakeMemory m;
  unsigned char mask[8] = {0x03, 0, 0, 0, 0, 0, 0, 0x80};
  m.put_obj(0x1000, mask);
  EXPECT_EQ(trace_line("sched_setaffinity", {0, 8, 0x1000}, 0, m), "sched_setaffinity(0, 8, [0 1 63])       = 0");
  // Failed calls still show the mask: the kernel read it, wrote nothing.
  EXPECT_EQ(trace_line("sched_setaffinity", {0xffffffffffffffff, 1, 0x1000}, -3, m),
            "sched_setaffinity(-1, 1, [0 1])         = -1 ESRCH (No such process)");
  EXPECT_EQ(trace_line("sched_setaffinity", {0, 8, 0x1}, -14, m),
            "sched_setaffinity(0, 8, 0x1)            = -1 EFAULT (Bad address)");
  EXPECT_EQ(trace_line("sched_setaffinity", {0, 16, 0x1000}, -14, m),
            "sched_setaffinity(0, 16, 0x1000)        = -1 EFAULT (Bad address)");
}

}  // namespace
}  // namespace sct
