#include "sink/json_value.hpp"

#include <gtest/gtest.h>

namespace sct {
namespace {

TEST(JsonValue, Scalars) {
  EXPECT_EQ(json_value(Int{-2}), "-2");
  EXPECT_EQ(json_value(Hex{255}), "255");
  EXPECT_EQ(json_value(Oct{0644}), "420");
  EXPECT_EQ(json_value(Ptr{0}), "null");
  EXPECT_EQ(json_value(Ptr{0x7ffd0010}), R"("0x7ffd0010")");
  EXPECT_EQ(json_value(Sym{"AT_FDCWD"}), R"("AT_FDCWD")");
}

TEST(JsonValue, StringsKeepTheirTruncationAndExactBytes) {
  EXPECT_EQ(json_value(Str{"a\"b\\\n", false}), R"({"str":"a\"b\\\n","truncated":false})");
  EXPECT_EQ(json_value(Str{std::string("\x00\x1f", 2), true}), R"({"str":"\u0000\u001f","truncated":true})");
  // Valid UTF-8 stays as is; other bytes become U+FFFD and the exact bytes follow in hex.
  EXPECT_EQ(json_value(Str{"h\xc3\xa9", false}), "{\"str\":\"h\xc3\xa9\",\"truncated\":false}");
  EXPECT_EQ(json_value(Str{"\x7f" "ELF\xff", true}),
            R"({"str":"\u007fELF\ufffd","hex":"7f454c46ff","truncated":true})");
  // An overlong encoding of '/' is not UTF-8.
  EXPECT_EQ(json_value(Str{"\xc0\xaf", false}), R"({"str":"\ufffd\ufffd","hex":"c0af","truncated":false})");
}

TEST(JsonValue, FlagsAndDescriptors) {
  EXPECT_EQ(json_value(Flags{{"O_RDONLY", "O_CLOEXEC"}, 0x40000000}),
            R"({"flags":["O_RDONLY","O_CLOEXEC"],"rest":1073741824})");
  EXPECT_EQ(json_value(Fd{3, ""}), R"({"fd":3})");
  EXPECT_EQ(json_value(Fd{3, "/etc/passwd"}), R"({"fd":3,"path":"/etc/passwd"})");
}

TEST(JsonValue, StructsArraysAndDecorations) {
  Struct st{{{"st_mode", Sym{"S_IFREG|0644"}}, {"", Int{1}}, {"st_size", Int{12}}}, true};
  EXPECT_EQ(json_value(st), R"({"st_mode":"S_IFREG|0644","#1":1,"st_size":12,"...":true})");
  EXPECT_EQ(json_value(Array{{Int{3}, Int{4}}}), "[3,4]");
  Array set{{Sym{"SIGINT"}}, false, true, true};
  EXPECT_EQ(json_value(set), R"({"items":["SIGINT"],"negated":true})");
  Array cut{{Int{1}}, true};
  EXPECT_EQ(json_value(cut), R"({"items":[1],"elided":true})");
  EXPECT_EQ(json_value(fn("htons", {Int{80}})), R"({"fn":"htons","args":[80]})");
  EXPECT_EQ(json_value(commented(Ptr{0x10}, "3 vars")), R"({"value":"0x10","comment":"3 vars"})");
  EXPECT_EQ(json_value(changed(Int{1}, Int{2})), R"({"before":1,"after":2})");
  EXPECT_EQ(json_value(named("flags", Sym{"SIGCHLD"})), R"({"name":"flags","value":"SIGCHLD"})");
  EXPECT_EQ(json_value(Raw{"x"}), R"({"raw":"x"})");
}

}  // namespace
}  // namespace sct
