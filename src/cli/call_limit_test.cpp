#include "cli/call_limit.hpp"

#include <gtest/gtest.h>

#include "engine/interrupt.hpp"
#include "filter/filter_options.hpp"

namespace sct {
namespace {

Event call_event(Event::Kind kind, DecodedCall& d, long ret) {
  d.ret = ret;
  Event e;
  e.kind = kind;
  e.call = &d;
  return e;
}

TEST(CallLimit, CompleteAtTheNthCallThatPassesStatus) {
  trace_complete = false;
  DecodedCall d;
  CallLimit limit(2, kStatusFailed | kStatusUnfinished);
  limit.on_event(call_event(Event::Kind::SyscallExit, d, 3));    // successful: not shown
  limit.on_event(call_event(Event::Kind::SyscallEntry, d, 0));   // not ended yet
  limit.on_event(call_event(Event::Kind::SyscallExit, d, -2));   // failed: 1
  EXPECT_FALSE(trace_complete);
  Event sig;
  sig.kind = Event::Kind::Signal;
  limit.on_event(sig);
  EXPECT_FALSE(trace_complete);
  limit.on_event(call_event(Event::Kind::SyscallNoReturn, d, 0));  // exit_group: 2
  EXPECT_TRUE(trace_complete);
  trace_complete = false;
}

}  // namespace
}  // namespace sct
