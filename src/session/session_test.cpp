#include "session/session.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <csignal>
#include <vector>

#include "testing/decode_harness.hpp"

namespace sct {
namespace {

long nr_of(const char* name) { return syscall_by_name(name)->nr; }

// What the session handed on: each event's kind, pid and call name.
struct Recorder : Sink {
  struct Seen {
    Event::Kind kind;
    pid_t pid;
    long nr;
    int64_t ret;
    bool shown;
    bool entry_shown;
  };
  std::vector<Seen> seen;
  void on_event(const Event& e) override {
    seen.push_back({e.kind, e.pid, e.call ? e.call->nr : -1, e.call ? e.call->ret : 0, e.shown, e.entry_shown});
  }
  void flush() override {}
};

RawEvent raw(RawEvent::Kind k, pid_t tid, Memory* mem = nullptr) {
  RawEvent e;
  e.kind = k;
  e.tid = e.tgid = tid;
  e.mem = mem;
  return e;
}

TEST(Session, KnowsWhichCallEachThreadIsIn) {
  Recorder rec;
  Session s({}, rec);
  testing::FakeMemory mem;
  RawEvent in = raw(RawEvent::Kind::Entry, 7, &mem);
  in.nr = nr_of("getppid");
  EXPECT_EQ(s.current_call(7), nullptr);
  s.on_raw(in);
  ASSERT_NE(s.current_call(7), nullptr);
  EXPECT_EQ(s.current_call(7)->nr, in.nr);
  EXPECT_EQ(s.current_call(8), nullptr);
  RawEvent out = raw(RawEvent::Kind::Exit, 7, &mem);
  out.nr = in.nr;
  out.ret = 1;
  s.on_raw(out);
  EXPECT_EQ(s.current_call(7), nullptr);
  ASSERT_EQ(rec.seen.size(), 2u);
  EXPECT_EQ(rec.seen[0].kind, Event::Kind::SyscallEntry);
  EXPECT_EQ(rec.seen[1].kind, Event::Kind::SyscallExit);
  EXPECT_EQ(rec.seen[1].ret, 1);
}

TEST(Session, ACallCutShortByExitNeverReturnsAndAnExitWithoutEntryIsDropped) {
  Recorder rec;
  Session s({}, rec);
  testing::FakeMemory mem;
  RawEvent in = raw(RawEvent::Kind::Entry, 7, &mem);
  in.nr = nr_of("getppid");
  s.on_raw(in);
  // An exit of another call (its entry lost) is not this call's.
  RawEvent other = raw(RawEvent::Kind::Exit, 7, &mem);
  other.nr = nr_of("getpid");
  s.on_raw(other);
  EXPECT_NE(s.current_call(7), nullptr);
  RawEvent gone = raw(RawEvent::Kind::TaskExit, 7);
  gone.status = 9;  // killed by SIGKILL
  s.on_raw(gone);
  EXPECT_EQ(s.current_call(7), nullptr);
  ASSERT_EQ(rec.seen.size(), 3u);
  EXPECT_EQ(rec.seen[1].kind, Event::Kind::SyscallNoReturn);
  EXPECT_EQ(rec.seen[2].kind, Event::Kind::Killed);
}

TEST(Session, ExitGroupEndsItsLineAtEntry) {
  Recorder rec;
  Session s({}, rec);
  testing::FakeMemory mem;
  RawEvent in = raw(RawEvent::Kind::Entry, 7, &mem);
  in.nr = nr_of("exit_group");
  s.on_raw(in);
  EXPECT_EQ(s.current_call(7), nullptr);
  ASSERT_EQ(rec.seen.size(), 2u);
  EXPECT_EQ(rec.seen[1].kind, Event::Kind::SyscallNoReturn);
}

TEST(Session, AThreadsExecveGoesOnUnderItsLeadersPid) {
  Recorder rec;
  Session s({}, rec);
  testing::FakeMemory mem;
  RawEvent leader = raw(RawEvent::Kind::Entry, 10, &mem);
  leader.nr = nr_of("getppid");
  s.on_raw(leader);
  RawEvent thread = raw(RawEvent::Kind::Entry, 11, &mem);
  thread.tgid = 10;
  thread.nr = nr_of("execve");
  s.on_raw(thread);
  RawEvent gone = raw(RawEvent::Kind::TaskExit, 10);
  gone.no_line = true;
  s.on_raw(gone);
  RawEvent exec = raw(RawEvent::Kind::Exec, 10);
  exec.former = 11;
  s.on_raw(exec);
  ASSERT_NE(s.current_call(10), nullptr);
  EXPECT_EQ(s.current_call(10)->nr, thread.nr);
  EXPECT_EQ(s.current_call(11), nullptr);
  ASSERT_EQ(rec.seen.size(), 4u);
  EXPECT_EQ(rec.seen[2].kind, Event::Kind::SyscallNoReturn);
  EXPECT_EQ(rec.seen[2].pid, 10);
  EXPECT_EQ(rec.seen[3].kind, Event::Kind::Superseded);
}

TEST(Session, TraceFilterHidesCallsButKeepsTheirState) {
  Recorder rec;
  SessionConfig cfg;
  cfg.filter.trace.reset();
  cfg.filter.trace_all = false;
  Session s(cfg, rec);
  testing::FakeMemory mem;
  RawEvent in = raw(RawEvent::Kind::Entry, 7, &mem);
  in.nr = nr_of("getppid");
  s.on_raw(in);
  EXPECT_NE(s.current_call(7), nullptr);
  EXPECT_TRUE(rec.seen.empty());
}

TEST(Session, StatusFilterShowsWholeCallsByOutcomeAndSignalFilterHidesSignals) {
  Recorder rec;
  SessionConfig cfg;
  cfg.filter.status = kStatusFailed | kStatusUnfinished;  // -e status=failed,unfinished
  cfg.filter.signals.reset(SIGCHLD);                      // -e signal=!SIGCHLD
  Session s(cfg, rec);
  testing::FakeMemory mem;
  auto call = [&](const char* name, int64_t ret) {
    RawEvent in = raw(RawEvent::Kind::Entry, 7, &mem);
    in.nr = nr_of(name);
    s.on_raw(in);
    RawEvent out = raw(RawEvent::Kind::Exit, 7, &mem);
    out.nr = in.nr;
    out.ret = ret;
    s.on_raw(out);
  };
  call("getppid", 1);        // successful: hidden
  call("close", -EBADF);     // failed: shown, written whole at exit
  RawEvent in = raw(RawEvent::Kind::Entry, 7, &mem);
  in.nr = nr_of("exit_group");
  s.on_raw(in);              // never returns: unfinished, shown
  RawEvent chld = raw(RawEvent::Kind::Signal, 7);
  chld.sig = SIGCHLD;
  s.on_raw(chld);
  RawEvent usr = raw(RawEvent::Kind::Signal, 7);
  usr.sig = SIGUSR1;
  s.on_raw(usr);
  ASSERT_EQ(rec.seen.size(), 8u);
  for (size_t i : {0u, 2u, 4u}) {
    EXPECT_EQ(rec.seen[i].kind, Event::Kind::SyscallEntry);
    EXPECT_FALSE(rec.seen[i].shown) << i;  // the outcome is not known yet
  }
  EXPECT_FALSE(rec.seen[1].shown);
  EXPECT_TRUE(rec.seen[3].shown);
  EXPECT_FALSE(rec.seen[3].entry_shown);
  EXPECT_EQ(rec.seen[5].kind, Event::Kind::SyscallNoReturn);
  EXPECT_TRUE(rec.seen[5].shown);
  EXPECT_FALSE(rec.seen[6].shown);  // SIGCHLD
  EXPECT_TRUE(rec.seen[7].shown);   // SIGUSR1
}

TEST(Session, DescriptorTableFollowsOpenDupAndClose) {
  Recorder rec;
  SessionConfig cfg;
  cfg.track_fds = true;
  cfg.decode.decode_fds = 1;
  Session s(cfg, rec);
  testing::FakeMemory mem;
  uint64_t path = mem.put_str(0x1000, "/etc/hostname");
  auto call = [&](const char* name, std::array<uint64_t, 6> args, int64_t ret) {
    RawEvent in = raw(RawEvent::Kind::Entry, 7, &mem);
    in.nr = nr_of(name);
    for (int i = 0; i < 6; ++i) in.args[i] = args[i];
    s.on_raw(in);
    RawEvent out = raw(RawEvent::Kind::Exit, 7, &mem);
    out.nr = in.nr;
    out.ret = ret;
    s.on_raw(out);
  };
  call("openat", {static_cast<uint64_t>(-100), path, 0, 0, 0, 0}, 3);
  EXPECT_EQ(s.fds().lookup(7, 3), "/etc/hostname");
  call("dup", {3, 0, 0, 0, 0, 0}, 4);
  EXPECT_EQ(s.fds().lookup(7, 4), "/etc/hostname");
  call("close", {3, 0, 0, 0, 0, 0}, 0);
  EXPECT_FALSE(s.fds().lookup(7, 3));
  call("close", {4, 0, 0, 0, 0, 0}, -9);  // EBADF: nothing was closed
  EXPECT_TRUE(s.fds().lookup(7, 4));
  // fts (du, find) copies directories with fcntl(F_DUPFD_CLOEXEC).
  call("fcntl", {4, 1030, 3, 0, 0, 0}, 5);
  EXPECT_EQ(s.fds().lookup(7, 5), "/etc/hostname");
  call("fcntl", {4, 1, 0, 0, 0, 0}, 1);  // F_GETFD returns flags, not a descriptor
  EXPECT_FALSE(s.fds().lookup(7, 1));
}

}  // namespace
}  // namespace sct

namespace sct {
namespace {

struct CountsRecorder : Sink {
  std::vector<std::pair<long, CallCounts>> rows;
  void on_event(const Event& e) override {
    if (e.kind == Event::Kind::Counts) rows.emplace_back(e.call->nr, *e.counts);
  }
  void flush() override {}
};

TEST(Session, CountsFromTheEngineReachTheSinksAsEvents) {
  CountsRecorder rec;
  Session s({}, rec);
  RawEvent e;
  e.kind = RawEvent::Kind::Counts;
  e.nr = syscall_by_name("getppid")->nr;
  e.counts.calls = 5;
  e.counts.errors = 2;
  s.on_raw(e);
  ASSERT_EQ(rec.rows.size(), 1u);
  EXPECT_EQ(rec.rows[0].first, e.nr);
  EXPECT_EQ(rec.rows[0].second.calls, 5u);
  EXPECT_EQ(rec.rows[0].second.errors, 2u);
}

}  // namespace
}  // namespace sct

namespace sct {
namespace {

TEST(Session, PathFilterShowsOnlyCallsOnThePath) {
  struct Names : Sink {
    std::vector<Event::Kind> kinds;
    void on_event(const Event& e) override { kinds.push_back(e.kind); }
    void flush() override {}
  } rec;
  SessionConfig cfg;
  cfg.filter.paths = {"/etc/hostname"};
  cfg.quiet_mask = kQuietPathResolution;
  Session s(cfg, rec);
  s.prepare();
  testing::FakeMemory mem;
  uint64_t wanted = mem.put_str(0x1000, "/etc/hostname");
  uint64_t other = mem.put_str(0x2000, "/etc/passwd");
  auto open_at = [&](uint64_t path) {
    RawEvent in;
    in.kind = RawEvent::Kind::Entry;
    in.tid = in.tgid = 7;
    in.nr = syscall_by_name("openat")->nr;
    in.args[0] = static_cast<uint64_t>(-100);
    in.args[1] = path;
    in.mem = &mem;
    s.on_raw(in);
    RawEvent out = in;
    out.kind = RawEvent::Kind::Exit;
    out.ret = 3;
    s.on_raw(out);
  };
  open_at(other);
  EXPECT_TRUE(rec.kinds.empty());
  open_at(wanted);
  EXPECT_EQ(rec.kinds, (std::vector<Event::Kind>{Event::Kind::SyscallEntry, Event::Kind::SyscallExit}));
}

}  // namespace
}  // namespace sct
