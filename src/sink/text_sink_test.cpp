#include "sink/text_sink.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"
#include "decode/dispatch.hpp"

namespace sct {
namespace {

// Drives a TextSink with synthetic events and returns what it wrote.
class SinkRun {
 public:
  explicit SinkRun(TextConfig o) : opts_(std::move(o)) {
    // One file per test: ctest runs the tests of this suite in parallel.
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = ::testing::TempDir() + "/text_sink_test." + info->name() + "." + std::to_string(getpid()) + ".out";
    opts_.output = path_;
    EXPECT_EQ(out_.open(path_, false), "");
    sink_ = std::make_unique<TextSink>(opts_, out_);
  }
  ~SinkRun() { std::remove(path_.c_str()); }
  DecodedCall& call(pid_t pid, const char* name, std::initializer_list<uint64_t> args) {
    DecodedCall& d = calls_[pid];
    d = DecodedCall{};
    d.info = syscall_by_name(name);
    d.nr = d.info->nr;
    int i = 0;
    for (uint64_t a : args) d.args[i++] = a;
    decode_entry(pid, d, mem_, opts_.decode);
    return d;
  }
  void entry(pid_t pid, int live = 1) {
    Event e;
    e.kind = Event::Kind::SyscallEntry;
    e.pid = pid;
    e.call = &calls_[pid];
    e.live_tracees = live;
    sink_->on_event(e);
  }
  void exit(pid_t pid, int64_t ret, int live = 1, const UserStack* stack = nullptr, bool at_entry = false) {
    calls_[pid].ret = ret;
    decode_exit(pid, calls_[pid], mem_, opts_.decode);
    Event e;
    e.kind = Event::Kind::SyscallExit;
    e.pid = pid;
    e.call = &calls_[pid];
    e.live_tracees = live;
    e.stack = stack;
    e.stack_at_entry = at_entry;
    sink_->on_event(e);
  }
  void event(Event::Kind k, pid_t pid, int status = 0, uint64_t lost = 0) {
    Event e;
    e.kind = k;
    e.pid = pid;
    e.status = status;
    e.lost = lost;
    sink_->on_event(e);
  }
  std::string text() {
    sink_->flush();
    std::ifstream in(path_);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  testing::FakeMemory mem_;

 private:
  TextConfig opts_;
  std::string path_;
  Output out_;
  std::unique_ptr<TextSink> sink_;
  std::map<pid_t, DecodedCall> calls_;
};

TEST(TextSink, InterleavedCallsAreSplitAndResumed) {
  TextConfig o;
  o.follow_forks = 1;
  SinkRun r(o);
  r.mem_.put(0x1000, "hi");
  r.call(10, "read", {3, 0x1000, 2});
  r.entry(10);
  r.call(11, "getpid", {});
  r.entry(11);
  r.exit(11, 11);
  r.exit(10, 2);
  EXPECT_EQ(r.text(),
            "10    read(3,  <unfinished ...>\n"
            "11    getpid()                          = 11\n"
            "10    <... read resumed>\"hi\", 2)        = 2\n");
}

TEST(TextSink, LostEventsMarkTheGapWithoutAPid) {
  TextConfig o;
  o.follow_forks = 1;
  SinkRun r(o);
  r.call(10, "getpid", {});
  r.entry(10);
  r.event(Event::Kind::Lost, 10, 0, 1);
  r.exit(10, 10);
  r.event(Event::Kind::Lost, 11, 0, 42);
  EXPECT_EQ(r.text(),
            "10    getpid( <unfinished ...>\n"
            "--- lost 1 event ---\n"
            "10    <... getpid resumed>)             = 10\n"
            "--- lost 42 events ---\n");
}

TEST(TextSink, ExitLines) {
  TextConfig o;
  SinkRun r(o);
  r.event(Event::Kind::Exited, 10, 3);
  EXPECT_EQ(r.text(), "+++ exited with 3 +++\n");
}

TEST(TextSink, QqHidesExitLines) {
  TextConfig o;
  o.quiet_mask = kQuietExit;
  SinkRun r(o);
  r.event(Event::Kind::Exited, 10, 3);
  EXPECT_EQ(r.text(), "");
}

TEST(TextSink, AlignmentColumnAndSyscallTimes) {
  TextConfig o;
  o.align = 20;
  o.stamps.durations = true;
  SinkRun r(o);
  r.call(10, "getppid", {});
  r.entry(10);
  r.exit(10, 1);
  EXPECT_EQ(r.text(), "getppid()           = 1 <0.000000>\n");
}

}  // namespace
}  // namespace sct

namespace sct {
namespace {

// -k: strace 6.1's frame lines, after the resumed line of a split call.
TEST(TextSink, StackFramesFollowTheCompletedLine) {
  TextConfig o;
  o.follow_forks = 1;
  SinkRun r(o);
  const UserStack stack = {
      {"/lib/libc.so.6", "read", 0xd, 0xf82ad, "", 0},
      {"/usr/bin/cat", "", 0, 0x2cf8, "", 0},
      {"/bin/prog", "main", 0x9, 0x1089, "/src/prog.c", 12},
      {"", "", 0, 0x7f0000001007, "", 0},
  };
  r.call(10, "getpid", {});
  r.entry(10);
  r.call(11, "getppid", {});
  r.entry(11);
  r.exit(11, 1);
  r.exit(10, 10, 1, &stack);
  EXPECT_EQ(r.text(),
            "10    getpid( <unfinished ...>\n"
            "11    getppid()                         = 1\n"
            "10    <... getpid resumed>)             = 10\n"
            " > /lib/libc.so.6(read+0xd) [0xf82ad]\n"
            " > /usr/bin/cat() [0x2cf8]\n"
            " > /bin/prog(main+0x9) [0x1089] /src/prog.c:12\n"
            " > unexpected_backtracing_error [0x7f0000001007]\n");
}

// A stack unwound at entry (execve, exit_group) writes a symbol-less frame
// as strace does those: "FILE(+0x0)".
TEST(TextSink, StackUnwoundAtEntryWritesSymbolLessFramesWithAnOffset) {
  TextConfig o;
  SinkRun r(o);
  const UserStack stack = {{"/usr/bin/true", "", 0, 0x23f1, "", 0}};
  r.call(10, "getpid", {});
  r.entry(10);
  r.exit(10, 10, 1, &stack, true);
  EXPECT_EQ(r.text(),
            "getpid()                                = 10\n"
            " > /usr/bin/true(+0x0) [0x23f1]\n");
}

}  // namespace
}  // namespace sct
