#include "sink/summary_sink.hpp"

#include <gtest/gtest.h>

namespace sct {
namespace {

// The eBPF engine's in-kernel -c reaches the table as Counts events.
TEST(SummarySink, CountsEventsBecomeRowsByName) {
  Output out;
  ASSERT_EQ(out.open("/dev/null", false), "");
  SummarySink sink({}, out);
  DecodedCall known;
  known.nr = syscall_by_name("getppid")->nr;
  known.info = syscall_by_name("getppid");
  DecodedCall unknown;
  unknown.nr = 1000;
  CallCounts c{3, 1, 3000, 500, 1500};
  Event e;
  e.kind = Event::Kind::Counts;
  e.call = &known;
  e.counts = &c;
  sink.on_event(e);
  e.call = &unknown;
  sink.on_event(e);
  ASSERT_EQ(sink.rows().size(), 2u);
  EXPECT_EQ(sink.rows().at("getppid").calls, 3u);
  EXPECT_EQ(sink.rows().at("getppid").errors, 1u);
  EXPECT_EQ(sink.rows().at("syscall_0x3e8").max_ns, 1500);
  EXPECT_EQ(sink.total().calls, 6u);
}

// -O: each call's time loses the overhead, and none goes below zero.
TEST(SummarySink, OverheadComesOffEachCall) {
  Output out;
  ASSERT_EQ(out.open("/dev/null", false), "");
  SummaryConfig cfg;
  cfg.summary_wall = true;
  cfg.overhead_ns = 1000;
  SummarySink sink(cfg, out);
  DecodedCall d;
  d.info = syscall_by_name("close");
  d.nr = d.info->nr;
  Event e;
  e.kind = Event::Kind::SyscallExit;
  e.call = &d;
  for (int64_t ns : {11000, 400, 3000}) {
    e.duration_ns = ns;
    sink.on_event(e);
  }
  const auto& r = sink.rows().at("close");
  EXPECT_EQ(r.calls, 3u);
  EXPECT_EQ(r.total_ns, 12000);
  EXPECT_EQ(r.min_ns, 0);
  EXPECT_EQ(r.max_ns, 10000);
}

}  // namespace
}  // namespace sct
