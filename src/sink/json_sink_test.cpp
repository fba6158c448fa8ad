#include "sink/json_sink.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "syscalls/syscall_table.hpp"

namespace sct {
namespace {

// Drives a JsonSink with synthetic events; lines() is what it wrote, one
// record a line, the header first.
class JsonRun {
 public:
  JsonRun() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = ::testing::TempDir() + "/json_sink_test." + info->name() + "." + std::to_string(getpid()) + ".out";
    EXPECT_EQ(out_.open(path_, false), "");
    sink_ = std::make_unique<JsonSink>(JsonConfig{}, out_);
  }
  ~JsonRun() { std::remove(path_.c_str()); }
  DecodedCall& call(const char* name, std::initializer_list<uint64_t> args, int64_t ret) {
    d_ = DecodedCall{};
    d_.info = syscall_by_name(name);
    d_.nr = d_.info->nr;
    int i = 0;
    for (uint64_t a : args) d_.args[i++] = a;
    d_.ret = ret;
    return d_;
  }
  void exit(const UserStack* stack = nullptr, Event::Kind kind = Event::Kind::SyscallExit) {
    Event e;
    e.kind = kind;
    e.pid = e.tgid = 10;
    e.call = &d_;
    e.stack = stack;
    sink_->on_event(e);
  }
  void event(Event& e) { sink_->on_event(e); }
  std::vector<std::string> lines() {
    out_.flush();
    std::ifstream f(path_);
    std::vector<std::string> v;
    for (std::string l; std::getline(f, l);) v.push_back(l);
    return v;
  }
  // The record's text from `"key":` to its end.
  std::string from(const std::string& line, const std::string& key) {
    size_t at = line.find("\"" + key + "\":");
    return at == std::string::npos ? "" : line.substr(at);
  }

 private:
  std::string path_;
  Output out_;
  std::unique_ptr<JsonSink> sink_;
  DecodedCall d_;
};

// Every kind of frame the text writes (text_sink_test's), as its parts.
const UserStack kStack = {
    {"/lib/libc.so.6", "read", 0xd, 0xf82ad, "", 0},
    {"/usr/bin/cat", "", 0, 0x2cf8, "", 0},
    {"/bin/prog", "ns::f(int)", 0x9, 0x1089, "/src/prog.c", 12},
    {"", "", 0, 0x7f0000001007, "", 0},
};
const char* const kStackJson =
    R"([{"module":"/lib/libc.so.6","symbol":"read","offset":13,"address":1016493},)"
    R"({"module":"/usr/bin/cat","symbol":null,"offset":null,"address":11512},)"
    R"J({"module":"/bin/prog","symbol":"ns::f(int)","offset":9,"address":4233,"source":"/src/prog.c","line":12},)J"
    R"({"module":null,"symbol":null,"offset":null,"address":139637976731655}])";

TEST(JsonSink, HeaderSaysSchemaFour) {
  JsonRun r;
  EXPECT_EQ(r.lines().at(0).find(R"({"type":"header","schema_version":4,)"), 0u);
}

TEST(JsonSink, CallWithoutStackOrDataHasNeither) {
  JsonRun r;
  r.call("getpid", {}, 10);
  r.exit();
  const std::string l = r.lines().at(1);
  EXPECT_EQ(l.find("\"stack\""), std::string::npos) << l;
  EXPECT_EQ(l.find("\"data\""), std::string::npos) << l;
}

TEST(JsonSink, CallStackAsFramesInnermostFirst) {
  JsonRun r;
  r.call("getpid", {}, 10);
  r.exit(&kStack);
  EXPECT_EQ(r.from(r.lines().at(1), "stack"), std::string("\"stack\":") + kStackJson + "}");
}

TEST(JsonSink, UnfinishedCallKeepsItsStack) {
  JsonRun r;
  r.call("exit_group", {0}, 0);
  const UserStack s = {{"/usr/bin/true", "", 0, 0x23f1, "", 0}};
  r.exit(&s, Event::Kind::SyscallNoReturn);
  // Unwound at entry or not, a frame without a symbol is one form here.
  EXPECT_EQ(r.from(r.lines().at(1), "unfinished"),
            R"("unfinished":true,"stack":[{"module":"/usr/bin/true","symbol":null,"offset":null,"address":9201}]})");
}

TEST(JsonSink, EmptyStackIsAnEmptyArray) {
  JsonRun r;
  r.call("getpid", {}, 10);
  const UserStack none;
  r.exit(&none);
  EXPECT_EQ(r.from(r.lines().at(1), "stack"), R"("stack":[]})");
}

TEST(JsonSink, SignalAndExitCarryTheirStacks) {
  JsonRun r;
  Event sig;
  sig.kind = Event::Kind::Signal;
  sig.pid = 10;
  sig.sig = 10;
  sig.stack = &kStack;
  r.event(sig);
  Event ex;
  ex.kind = Event::Kind::Exited;
  ex.pid = 10;
  ex.stack = &kStack;
  r.event(ex);
  auto l = r.lines();
  ASSERT_EQ(l.size(), 3u);
  EXPECT_EQ(r.from(l[1], "stack"), std::string("\"stack\":") + kStackJson + "}");
  EXPECT_EQ(r.from(l[2], "code"), std::string("\"code\":0,\"stack\":") + kStackJson + "}");
}

TEST(JsonSink, ReadDataWholeInHex) {
  JsonRun r;
  DecodedCall& d = r.call("read", {3, 0x1000, 64}, 6);
  DataChunk c;
  c.bytes = std::string("hi\0\xff\n!", 6);
  c.len = 6;
  d.data.push_back(c);
  r.exit();
  EXPECT_EQ(r.from(r.lines().at(1), "data"),
            R"("data":{"fd":3,"direction":"read","truncated":false,)"
            R"("buffers":[{"hex":"686900ff0a21","len":6,"moved":6,"truncated":false}]}})");
}

// The eBPF engine copies at most 32766 bytes of a buffer: a longer one is
// marked cut, and so is the call's data, never shown as whole.
TEST(JsonSink, CutBufferIsMarkedWithWhatWasMoved) {
  JsonRun r;
  DecodedCall& d = r.call("writev", {1, 0x1000, 2}, 49155);
  DataChunk a;
  a.bytes = "abc";
  a.len = 3;
  a.iov = 0;
  DataChunk b;
  b.bytes = std::string(4, 'x');
  b.len = 49152;
  b.iov = 1;
  d.data = {a, b};
  r.exit();
  EXPECT_EQ(r.from(r.lines().at(1), "data"),
            R"("data":{"fd":1,"direction":"write","truncated":true,"buffers":[)"
            R"({"hex":"616263","len":3,"moved":3,"truncated":false,"iov":0},)"
            R"({"hex":"78787878","len":4,"moved":49152,"truncated":true,"iov":1}]}})");
}

// sendmmsg/recvmmsg: buffers name their message; a message that moved
// nothing has no buffer; where the engine copied no message header, a
// buffer of unknown size stands for what is missing.
TEST(JsonSink, MessagesAndMissingData) {
  JsonRun r;
  DecodedCall& d = r.call("recvmmsg", {5, 0x1000, 3, 0, 0}, 3);
  DataChunk m0;
  m0.bytes = "q";
  m0.len = 1;
  m0.iov = 0;
  m0.vector = 0;
  m0.vector_iovs = 1;
  m0.vector_head = true;
  DataChunk m1;  // a header alone
  m1.vector = 1;
  m1.vector_head = true;
  DataChunk m2;
  m2.missing = true;
  m2.vector = 2;
  m2.vector_head = true;
  d.data = {m0, m1, m2};
  r.exit();
  EXPECT_EQ(r.from(r.lines().at(1), "data"),
            R"("data":{"fd":5,"direction":"read","truncated":true,"buffers":[)"
            R"({"hex":"71","len":1,"moved":1,"truncated":false,"iov":0,"msg":0},)"
            R"({"hex":"","len":0,"moved":null,"truncated":true,"msg":2}]}})");
}

// The text writes no dump for a call that never returned; nor does JSON.
TEST(JsonSink, NoDataWithoutAReturn) {
  JsonRun r;
  DecodedCall& d = r.call("read", {3, 0x1000, 64}, 0);
  DataChunk c;
  c.bytes = "x";
  c.len = 1;
  d.data.push_back(c);
  r.exit(nullptr, Event::Kind::SyscallNoReturn);
  EXPECT_EQ(r.lines().at(1).find("\"data\""), std::string::npos);
}

}  // namespace
}  // namespace sct
