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

namespace sct {
namespace {

struct Attr {
  uint32_t size, policy;
  uint64_t flags;
  int32_t nice;
  uint32_t prio;
  uint64_t runtime, deadline, period;
  uint32_t util_min, util_max;
};

TEST(SchedAttr, VersionsAndKeptFields) {
  FakeMemory m;
  Attr a{56, 3, 0, -1, 0, 5, 0, 0, 1, 2};
  m.put_obj(0x1000, a);
  EXPECT_EQ(trace_line("sched_getattr", {0, 0x1000, 56, 0}, 0, m),
            "sched_getattr(0, {size=56, sched_policy=SCHED_BATCH, sched_flags=0, sched_nice=-1, sched_priority=0, "
            "sched_runtime=5, sched_deadline=0, sched_period=0, sched_util_min=1, sched_util_max=2}, 56, 0) = 0");
  // Fewer bytes than the second version: no clamps.
  EXPECT_EQ(trace_line("sched_getattr", {0, 0x1000, 48, 0}, 0, m),
            "sched_getattr(0, {size=56, sched_policy=SCHED_BATCH, sched_flags=0, sched_nice=-1, sched_priority=0, "
            "sched_runtime=5, sched_deadline=0, sched_period=0}, 48, 0) = 0");
  EXPECT_EQ(trace_line("sched_getattr", {0, 0x1000, 56, 1}, -22, m),
            "sched_getattr(0, 0x1000, 56, 1)         = -1 EINVAL (Invalid argument)");
  a.size = 0;
  a.flags = 0x10 | 0x100;
  m.put_obj(0x1000, a);
  EXPECT_EQ(trace_line("sched_setattr", {0, 0x1000, 0}, -22, m),
            "sched_setattr(0, {size=0, sched_flags=SCHED_FLAG_KEEP_PARAMS|0x100}, 0) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line("sched_setattr", {0, 0x1, 0}, -14, m),
            "sched_setattr(0, 0x1, 0)                = -1 EFAULT (Bad address)");
}

}  // namespace
}  // namespace sct
