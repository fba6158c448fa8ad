#include "sink/summary_sink.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

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

// strace's table for `nproc` under -c -S calls (times zeroed): rows of equal
// calls stay in syscall number order (mprotect before brk), and the name
// column is one wider than sched_getaffinity.
TEST(SummarySink, TiesInNumberOrderAndNameColumnFitsTheLongest) {
  char path[] = "/tmp/sctrace-summary-XXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  close(fd);
  {
    Output out;
    ASSERT_EQ(out.open(path, false), "");
    SummaryConfig cfg;
    cfg.sort_by = "calls";
    SummarySink sink(cfg, out);
    auto add = [&](const char* name, int calls) {
      DecodedCall d;
      d.info = syscall_by_name(name);
      d.nr = d.info->nr;
      Event e;
      e.kind = Event::Kind::SyscallExit;
      e.call = &d;
      for (int i = 0; i < calls; ++i) sink.on_event(e);
    };
    add("sched_getaffinity", 1);
    add("brk", 3);
    add("mprotect", 3);
    add("read", 1);
    sink.print();
  }
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  unlink(path);
  EXPECT_EQ(text.str(),
            "% time     seconds  usecs/call     calls    errors syscall\n"
            "------ ----------- ----------- --------- --------- ------------------\n"
            "  0.00    0.000000           0         3           mprotect\n"
            "  0.00    0.000000           0         3           brk\n"
            "  0.00    0.000000           0         1           read\n"
            "  0.00    0.000000           0         1           sched_getaffinity\n"
            "------ ----------- ----------- --------- --------- ------------------\n"
            "100.00    0.000000           0         8           total\n");
}

}  // namespace
}  // namespace sct
