#include "sink/perfetto_sink.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "syscalls/syscall_table.hpp"

namespace sct {
namespace {

// Drives a PerfettoSink with synthetic events; text() is the document.
class PerfettoRun {
 public:
  PerfettoRun() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = ::testing::TempDir() + "/perfetto_sink_test." + info->name() + "." + std::to_string(getpid()) + ".out";
    EXPECT_EQ(out_.open(path_, false), "");
    sink_ = std::make_unique<PerfettoSink>(out_);
  }
  ~PerfettoRun() { std::remove(path_.c_str()); }
  DecodedCall& call(const char* name, std::initializer_list<uint64_t> args, int64_t ret) {
    d_ = DecodedCall{};
    d_.info = syscall_by_name(name);
    d_.nr = d_.info->nr;
    int i = 0;
    for (uint64_t a : args) d_.args[i++] = a;
    d_.ret = ret;
    return d_;
  }
  void exit(const UserStack* stack = nullptr, bool at_entry = false) {
    Event e;
    e.kind = Event::Kind::SyscallExit;
    e.pid = e.tgid = 10;
    e.call = &d_;
    e.stack = stack;
    e.stack_at_entry = at_entry;
    sink_->on_event(e);
  }
  void event(Event& e) { sink_->on_event(e); }
  std::string text() {
    sink_->finish();
    std::ifstream f(path_);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
  }

 private:
  std::string path_;
  Output out_;
  std::unique_ptr<PerfettoSink> sink_;
  DecodedCall d_;
};

// The frames as the text trace writes them (text_sink_test's), one string each.
const UserStack kStack = {
    {"/lib/libc.so.6", "read", 0xd, 0xf82ad, "", 0},
    {"/usr/bin/cat", "", 0, 0x2cf8, "", 0},
    {"/bin/prog", "main", 0x9, 0x1089, "/src/prog.c", 12},
    {"", "", 0, 0x7f0000001007, "", 0},
};
const char* const kStackArg =
    R"("stack":["/lib/libc.so.6(read+0xd) [0xf82ad]","/usr/bin/cat() [0x2cf8]",)"
    R"("/bin/prog(main+0x9) [0x1089] /src/prog.c:12","unexpected_backtracing_error [0x7f0000001007]"])";

TEST(PerfettoSink, SliceCarriesTheStackAsTheTextsFrames) {
  PerfettoRun r;
  r.call("getpid", {}, 10);
  r.exit(&kStack);
  std::string t = r.text();
  EXPECT_NE(t.find(std::string(R"("ret":10,)") + kStackArg + "}}"), std::string::npos) << t;
}

TEST(PerfettoSink, StackUnwoundAtEntryIsWrittenAsTheTextWritesIt) {
  PerfettoRun r;
  r.call("getpid", {}, 10);
  const UserStack s = {{"/usr/bin/true", "", 0, 0x23f1, "", 0}};
  r.exit(&s, true);
  std::string t = r.text();
  EXPECT_NE(t.find(R"("stack":["/usr/bin/true(+0x0) [0x23f1]"])"), std::string::npos) << t;
}

TEST(PerfettoSink, NoStackArgumentWithoutK) {
  PerfettoRun r;
  r.call("getpid", {}, 10);
  r.exit();
  EXPECT_EQ(r.text().find("\"stack\""), std::string::npos);
}

TEST(PerfettoSink, SignalAndExitInstantsCarryTheirStacks) {
  PerfettoRun r;
  Event sig;
  sig.kind = Event::Kind::Signal;
  sig.pid = 10;
  sig.sig = 10;
  sig.stack = &kStack;
  r.event(sig);
  Event ex;
  ex.kind = Event::Kind::Exited;
  ex.pid = 10;
  ex.status = 3;
  ex.stack = &kStack;
  r.event(ex);
  std::string t = r.text();
  EXPECT_NE(t.find(std::string(R"("name":"exit 3","args":{"code":3,)") + kStackArg + "}}"), std::string::npos) << t;
  // One record a line: the signal's own line has the stack.
  size_t signal = t.find(R"("cat":"signal")");
  ASSERT_NE(signal, std::string::npos) << t;
  std::string line = t.substr(signal, t.find('\n', signal) - signal);
  EXPECT_NE(line.find(kStackArg), std::string::npos) << line;
}

// The bytes stay in --json; the slice says how many moved and were copied.
TEST(PerfettoSink, DataAsByteCounts) {
  PerfettoRun r;
  DecodedCall& d = r.call("writev", {1, 0x1000, 2}, 49155);
  DataChunk a;
  a.bytes = "abc";
  a.len = 3;
  a.iov = 0;
  DataChunk b;
  b.bytes = std::string(32766, 'x');
  b.len = 49152;
  b.iov = 1;
  d.data = {a, b};
  r.exit();
  std::string t = r.text();
  EXPECT_NE(t.find(R"("data":{"fd":1,"direction":"write","moved":49155,"captured":32769,"truncated":true})"),
            std::string::npos)
      << t.substr(0, 600);
  EXPECT_EQ(t.find("616263"), std::string::npos);
}

}  // namespace
}  // namespace sct
