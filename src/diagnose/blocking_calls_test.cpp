#include "diagnose/blocking_calls.hpp"

#include <gtest/gtest.h>

#include "syscalls/syscall_table.hpp"

namespace sct {
namespace {

TEST(BlockingCalls, EveryNameIsARowOfTheSpec) {
  // Every name the table knows is found by walking the spec's rows: a
  // misspelt name would leave one out.
  int found = 0;
  for (const SyscallInfo* s = syscalls_begin(); s != syscalls_end(); ++s)
    if (blocking_call(s->name).kind != Blocking::None) ++found;
  EXPECT_EQ(found, 34);
  EXPECT_EQ(blocking_call("read").kind, Blocking::FdRead);
  EXPECT_EQ(blocking_call("sendmsg").kind, Blocking::FdWrite);
  EXPECT_EQ(blocking_call("wait4").kind, Blocking::Child);
  EXPECT_EQ(blocking_call("vfork").kind, Blocking::Vfork);
  EXPECT_EQ(blocking_call("clock_nanosleep").kind, Blocking::Sleep);
  EXPECT_EQ(blocking_call("getpid").kind, Blocking::None);
}

}  // namespace
}  // namespace sct
