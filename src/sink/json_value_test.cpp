#include "sink/json_value.hpp"

#include <gtest/gtest.h>

namespace sct {
namespace {

TEST(JsonValue, Scalars) {
  EXPECT_EQ(json_value(Int{-2}), "-2");
  EXPECT_EQ(json_value(Hex{255}), "255");
  EXPECT_EQ(json_value(Oct{0644}), "420");
  EXPECT_EQ(json_value(Ptr{0}), R"({"ptr":null})");
  EXPECT_EQ(json_value(Ptr{0x7ffd0010}), R"({"ptr":"0x7ffd0010"})");
  EXPECT_EQ(json_value(Sym{"AT_FDCWD", "DirFd", -100}), R"({"sym":"AT_FDCWD","set":"DirFd","value":-100})");
  // A value its set has no name for keeps its set and number.
  EXPECT_EQ(json_value(Sym{"", "Seals", 7}), R"({"sym":null,"set":"Seals","value":7})");
}

// -Y and --decode-pids: the name and the id in sctrace's namespace beside
// the id, only when known.
TEST(JsonValue, Pids) {
  EXPECT_EQ(json_value(Pid{42, "sleep"}), R"({"pid":42,"comm":"sleep"})");
  EXPECT_EQ(json_value(Pid{2, "sleep", 31208}), R"({"pid":2,"comm":"sleep","tracer_ns_pid":31208})");
  EXPECT_EQ(json_value(Pid{1, "", 7}), R"({"pid":1,"tracer_ns_pid":7})");
}

TEST(JsonValue, StringsKeepTheirTruncationAndExactBytes) {
  EXPECT_EQ(json_value(Str{"a\"b\\\n", false}), R"({"str":"a\"b\\\n","len":5,"truncated":false})");
  EXPECT_EQ(json_value(Str{std::string("\x00\x1f", 2), true}), R"({"str":"\u0000\u001f","len":2,"truncated":true})");
  // Valid UTF-8 stays as is; other bytes become U+FFFD and the exact bytes follow in hex.
  EXPECT_EQ(json_value(Str{"h\xc3\xa9", false}), "{\"str\":\"h\xc3\xa9\",\"len\":3,\"truncated\":false}");
  EXPECT_EQ(json_value(Str{"\x7f" "ELF\xff", true}),
            R"({"str":"\u007fELF\ufffd","hex":"7f454c46ff","len":5,"truncated":true})");
  // An overlong encoding of '/' is not UTF-8.
  EXPECT_EQ(json_value(Str{"\xc0\xaf", false}), R"({"str":"\ufffd\ufffd","hex":"c0af","len":2,"truncated":false})");
}

TEST(JsonValue, FlagsAndDescriptors) {
  EXPECT_EQ(json_value(Flags{{"O_RDONLY", "O_CLOEXEC"}, 0x40000000, "OpenFlags", 0x40080000}),
            R"({"flags":["O_RDONLY","O_CLOEXEC"],"rest":1073741824,"set":"OpenFlags","raw":1074266112})");
  EXPECT_EQ(json_value(Fd{-100, "/tmp", "AT_FDCWD"}), R"({"fd":-100,"name":"AT_FDCWD","path":"/tmp"})");
  EXPECT_EQ(json_value(Fd{3, ""}), R"({"fd":3})");
  EXPECT_EQ(json_value(Fd{3, "/etc/passwd"}), R"({"fd":3,"path":"/etc/passwd"})");
}

TEST(JsonValue, StructsArraysAndDecorations) {
  Struct st{{{"st_mode", FileMode{0100644}}, {"", Int{1}}, {"st_size", Int{12}}}, true};
  EXPECT_EQ(json_value(st), R"({"st_mode":{"mode":33188,"type":8,"perm":420},"#1":1,"st_size":12,"...":true})");
  EXPECT_EQ(json_value(Array{{Int{3}, Int{4}}}), "[3,4]");
  Array set{{Sym{"INT", "Signals", 2}}, false, true, true};
  EXPECT_EQ(json_value(set), R"({"items":[{"sym":"INT","set":"Signals","value":2}],"negated":true})");
  Array cut{{Int{1}}, true};
  EXPECT_EQ(json_value(cut), R"({"items":[1],"elided":true})");
  EXPECT_EQ(json_value(fn("htons", {Int{80}})), R"({"fn":"htons","args":[80]})");
  EXPECT_EQ(json_value(commented(Ptr{0x10}, "3 vars")), R"({"value":{"ptr":"0x10"},"comment":"3 vars"})");
  EXPECT_EQ(json_value(changed(Int{1}, Int{2})), R"({"before":1,"after":2})");
  EXPECT_EQ(json_value(named("child_stack", Ptr{0})), R"({"name":"child_stack","value":{"ptr":null}})");
}

TEST(JsonValue, TypedValuesInsteadOfText) {
  EXPECT_EQ(json_value(WaitStatus{0x100}), R"({"wait_status":256,"exited":1})");
  EXPECT_EQ(json_value(WaitStatus{0x89}), R"({"wait_status":137,"signaled":"SIGKILL","core_dumped":true})");
  EXPECT_EQ(json_value(Toggle{"echo", false}), R"({"toggle":"echo","on":false})");
  EXPECT_EQ(json_value(Time{1700000000, 5}), R"({"time":1700000000,"nsec":5})");
  EXPECT_EQ(json_value(Dev{0x801}), R"({"dev":2049,"major":8,"minor":1})");
  // Members the text shows only with -v are always in the JSON.
  Struct st{{{"st_ino", Uint{12}, true}, {"st_size", Int{41}}}};
  EXPECT_EQ(json_value(st), R"({"st_ino":12,"st_size":41})");
  Outcome o{{{"", Array{{Int{3}}}}, {"left", Int{1}}}};
  EXPECT_EQ(json_value(o), R"({"#0":[3],"left":1})");
}

}  // namespace
}  // namespace sct
