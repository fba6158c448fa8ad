// The layout of a line split by another tracee's output: where the ", "
// between the entry and exit parts goes is derived from the call's row and
// its values, not from flags the decoders set. Expected texts are strace 6.1's.
#include "sink/text_format.hpp"

#include <fcntl.h>
#include <linux/sched.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"
#include "decode/dispatch.hpp"

namespace sct {
namespace {

struct Split {
  std::string entry, exit;
};

Split split(const char* name, std::array<uint64_t, 6> args, int64_t ret, Memory& mem,
            const DecodeOptions& o = {}) {
  DecodedCall d;
  d.info = syscall_by_name(name);
  d.nr = d.info->nr;
  for (int i = 0; i < 6; ++i) d.args[i] = args[i];
  decode_entry(1, d, mem, o);
  Split s{call_entry_text(d, o), {}};
  d.ret = ret;
  decode_exit(1, d, mem, o);
  s.exit = call_exit_text(d, o);
  // Printed whole at exit (-e status=), the two parts join exactly.
  EXPECT_EQ(call_entry_text(d, o) + s.exit, s.entry + s.exit) << name;
  return s;
}

TEST(SplitLayout, OutArgumentsFollowTheEntrySeparator) {
  testing::FakeMemory m;
  m.put(0x1000, "abc");
  Split s = split("read", {3, 0x1000, 10}, 3, m);
  EXPECT_EQ(s.entry, "read(3, ");
  EXPECT_EQ(s.exit, "\"abc\", 10)");
}

TEST(SplitLayout, AnExitThatOnlyDecoratesTheReturnHasNoSeparator) {
  testing::FakeMemory m;
  Split f = split("fcntl", {3, F_GETFL, 0}, O_RDWR, m);
  EXPECT_EQ(f.entry, "fcntl(3, F_GETFL");
  EXPECT_EQ(f.exit, ")");
  pollfd p{3, POLLIN, POLLIN};
  m.put_obj(0x2000, p);
  Split q = split("poll", {0x2000, 1, 100}, 1, m);
  EXPECT_EQ(q.entry, "poll([{fd=3, events=POLLIN}], 1, 100");
  EXPECT_EQ(q.exit, ")");
}

TEST(SplitLayout, NamedArgumentsBringTheirSeparatorAtExit) {
  testing::FakeMemory m;
  uint64_t flags = CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD;
  Split s = split("clone", {flags, 0, 0, 0x7000, 0}, 42, m);
  EXPECT_EQ(s.entry, "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD");
  EXPECT_EQ(s.exit, ", child_tidptr=0x7000)");
}

TEST(SplitLayout, AStructTheKernelChangedGluesItsNewValue) {
  testing::FakeMemory m;
  clone_args a{};
  a.flags = CLONE_PARENT_SETTID;
  a.parent_tid = 0x3000;
  a.exit_signal = SIGCHLD;
  m.put_obj(0x2000, a);
  m.put_obj(0x3000, int{1235});
  Split s = split("clone3", {0x2000, sizeof a}, 1235, m);
  EXPECT_EQ(s.entry, "clone3({flags=CLONE_PARENT_SETTID, parent_tid=0x3000, exit_signal=SIGCHLD, "
                     "stack=NULL, stack_size=0}");
  EXPECT_EQ(s.exit, " => {parent_tid=[1235]}, 88)");
  // Unchanged (the call failed): the size follows with its separator.
  Split f = split("clone3", {0x2000, sizeof a}, -11, m);
  EXPECT_EQ(f.exit, ", 88)");
}

TEST(RenderTime, MinusSCutsAStringWhenItIsPrinted) {
  testing::FakeMemory m;
  m.put(0x1000, std::string(64, 'x'));
  DecodeOptions wide;
  wide.max_strlen = 64;
  DecodedCall d;
  d.info = syscall_by_name("write");
  d.nr = d.info->nr;
  d.args[0] = 1;
  d.args[1] = 0x1000;
  d.args[2] = 64;
  decode_entry(1, d, m, wide);
  // Read with -s 64, printed with -s 8: the renderer cuts.
  DecodeOptions narrow;
  narrow.max_strlen = 8;
  EXPECT_EQ(call_entry_text(d, narrow), "write(1, \"xxxxxxxx\"..., 64");
  EXPECT_EQ(call_entry_text(d, wide), "write(1, \"" + std::string(64, 'x') + "\", 64");
}

}  // namespace
}  // namespace sct

namespace sct {
namespace {

TEST(ArgumentNames, EveryValueKnowsWhichArgumentItIs) {
  testing::FakeMemory m;
  uint64_t p = m.put_str(0x1000, "/etc/passwd");
  DecodedCall d;
  d.info = syscall_by_name("openat");
  d.nr = d.info->nr;
  d.args[0] = static_cast<uint64_t>(-100);
  d.args[1] = p;
  decode_entry(1, d, m, {});
  ASSERT_EQ(d.values.size(), 3u);
  EXPECT_EQ(argument_name(d, 0), "dfd");
  EXPECT_EQ(argument_name(d, 1), "filename");
  EXPECT_EQ(argument_name(d, 2), "flags");
  // A constant keeps its set and number, a flags word its raw value.
  const auto& dfd = std::get<Sym>(d.values[0].v);
  EXPECT_EQ(dfd.set, "DirFd");
  EXPECT_EQ(dfd.value, -100);
  EXPECT_EQ(std::get<Flags>(d.values[2].v).set, "OpenFlags");
  // clone shows its arguments by name, in its own order.
  DecodedCall c;
  c.info = syscall_by_name("clone");
  c.nr = c.info->nr;
  c.args[0] = SIGCHLD;
  decode_entry(1, c, m, {});
  EXPECT_EQ(argument_name(c, 0), "child_stack");
  EXPECT_EQ(argument_name(c, 1), "flags");
  EXPECT_EQ(std::get<Flags>(std::get<std::shared_ptr<Named>>(c.values[1].v)->value.v).raw, uint64_t{SIGCHLD});
}

}  // namespace
}  // namespace sct
