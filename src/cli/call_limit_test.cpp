#include "cli/call_limit.hpp"

#include <gtest/gtest.h>

#include "engine/interrupt.hpp"

namespace sct {
namespace {

Event call_event(Event::Kind kind, DecodedCall& d, bool shown) {
  Event e;
  e.kind = kind;
  e.call = &d;
  e.shown = shown;
  return e;
}

TEST(CallLimit, CompleteAtTheNthCallShown) {
  trace_complete = false;
  DecodedCall d;
  CallLimit limit(2);
  limit.on_event(call_event(Event::Kind::SyscallExit, d, false));  // -e status= hid it
  limit.on_event(call_event(Event::Kind::SyscallEntry, d, true));  // not ended yet
  limit.on_event(call_event(Event::Kind::SyscallExit, d, true));   // 1
  EXPECT_FALSE(trace_complete);
  Event sig;
  sig.kind = Event::Kind::Signal;
  limit.on_event(sig);
  EXPECT_FALSE(trace_complete);
  limit.on_event(call_event(Event::Kind::SyscallNoReturn, d, true));  // exit_group: 2
  EXPECT_TRUE(trace_complete);
  trace_complete = false;
}

}  // namespace
}  // namespace sct
