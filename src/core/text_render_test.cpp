#include "core/text_render.hpp"

#include <gtest/gtest.h>

namespace sct {
namespace {

std::string q(std::string_view s, int x = 0) {
  std::string out;
  quote_string(out, s, x);
  return out;
}

TEST(QuoteString, EscapesAndShortestOctal) {
  EXPECT_EQ(q(std::string_view("ab\n\t\"\\\001\0012\033x\377\200\0", 14)),
            R"("ab\n\t\"\\\1\0012\33x\377\200\0")");
  // 8 and 9 are not octal digits: no padding before them.
  EXPECT_EQ(q(std::string_view("\0018\0019a\0", 6)), R"("\18\19a\0")");
}

TEST(QuoteString, HexModes) {
  EXPECT_EQ(q("hello\n", 1), R"("hello\n")");
  EXPECT_EQ(q("a\001", 1), R"("\x61\x01")");
  EXPECT_EQ(q("hi", 2), R"("\x68\x69")");
}

// --strings-in-hex=non-ascii-chars: C escapes kept, hex where octal would be.
TEST(QuoteString, HexInsteadOfOctal) {
  std::string out;
  quote_string(out, std::string_view("a\x01\n\t\xff" "b7", 7), 3);
  EXPECT_EQ(out, R"("a\x01\n\t\xffb7")");
}

// strace 6.1's -Y and --decode-pids=pidns forms.
TEST(RenderValue, Pids) {
  DecodeOptions o;
  EXPECT_EQ(render_value(Pid{42, "sleep"}, o), "42<sleep>");
  EXPECT_EQ(render_value(Pid{1, "", 25589}, o), "1 /* 25589 in strace's PID NS */");
  EXPECT_EQ(render_value(Pid{2, "pids", 26440}, o), "2<pids> /* 26440 in strace's PID NS */");
  EXPECT_EQ(render_value(Pid{7, ""}, o), "7");
}

TEST(RenderValue, Numbers) {
  DecodeOptions o;
  EXPECT_EQ(render_value(Hex{0}, o), "0");
  EXPECT_EQ(render_value(Hex{255}, o), "0xff");
  EXPECT_EQ(render_value(Oct{0}, o), "000");
  EXPECT_EQ(render_value(Oct{022}, o), "022");
  EXPECT_EQ(render_value(Oct{0644}, o), "0644");
  EXPECT_EQ(render_value(Ptr{0}, o), "NULL");
}

TEST(RenderValue, Containers) {
  DecodeOptions o;
  Struct s{{{"st_mode", Sym{"S_IFREG|0644"}}, {"st_size", Int{12}}}, true};
  EXPECT_EQ(render_value(s, o), "{st_mode=S_IFREG|0644, st_size=12, ...}");
  Array sigs{{Sym{"RTMIN"}, Sym{"RT_1"}}, false, true, true};
  EXPECT_EQ(render_value(sigs, o), "~[RTMIN RT_1]");
  Array lens{{changed(Int{128}, Int{16})}};
  EXPECT_EQ(render_value(lens, o), "[128 => 16]");
  EXPECT_EQ(render_value(commented(Ptr{0x7ffd}, "20 vars"), o), "0x7ffd /* 20 vars */");
  EXPECT_EQ(render_value(fn("htons", {Int{80}}), o), "htons(80)");
  Flags f{{"O_RDONLY", "O_CLOEXEC"}, 0x40000000};
  EXPECT_EQ(render_value(f, o), "O_RDONLY|O_CLOEXEC|0x40000000");
  EXPECT_EQ(render_value(Flags{}, o), "0");
  EXPECT_EQ(render_value(Fd{3, "/etc/passwd"}, o), "3</etc/passwd>");
}

}  // namespace
}  // namespace sct

namespace sct {
namespace {

TEST(RenderValue, AbbreviationIsTheRenderersJob) {
  DecodeOptions brief;
  DecodeOptions verbose;
  verbose.verbose = true;
  Struct st{{{"st_ino", Uint{12}, true}, {"st_mode", FileMode{0100644}}, {"st_size", Int{41}}}};
  EXPECT_EQ(render_value(st, brief), "{st_mode=S_IFREG|0644, st_size=41, ...}");
  EXPECT_EQ(render_value(st, verbose), "{st_ino=12, st_mode=S_IFREG|0644, st_size=41}");
  Str s{std::string(10, 'a')};
  brief.max_strlen = 4;
  EXPECT_EQ(render_value(s, brief), "\"aaaa\"...");
  EXPECT_EQ(render_value(whole_str(std::string(10, 'a')), brief), "\"aaaaaaaaaa\"");
}

TEST(RenderValue, TypedValuesPrintAsStraceDoes) {
  DecodeOptions o;
  EXPECT_EQ(render_value(WaitStatus{0x100}, o), "WIFEXITED(s) && WEXITSTATUS(s) == 1");
  EXPECT_EQ(render_value(WaitStatus{0x8b}, o), "WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)");
  EXPECT_EQ(render_value(FileMode{040000 | 01777}, o), "S_IFDIR|S_ISVTX|0777");
  EXPECT_EQ(render_value(Fd{-100, "/tmp", "AT_FDCWD"}, o), "AT_FDCWD</tmp>");
  Outcome out{{{"in", Array{{Int{3}}, false, true}}, {"left", Int{1}}}};
  EXPECT_EQ(render_value(out, o), "in [3], left 1");
  Struct tty{{{"", Sym{"B38400"}}, {"", Toggle{"opost", true}}, {"", Toggle{"echo", false}}}, true, true};
  EXPECT_EQ(render_value(tty, o), "{B38400 opost -echo ...}");
  EXPECT_EQ(render_value(Sym{"", "Seals", 7}, o), "7");
  EXPECT_EQ(render_value(Dev{0x801}, o), "makedev(0x8, 0x1)");
  EXPECT_EQ(render_value(Dev{0}, o), "makedev(0, 0)");
}

}  // namespace
}  // namespace sct
