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

}  // namespace
}  // namespace sct
