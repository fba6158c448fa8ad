// -X raw and -X verbose: each kind of value as strace 6.1 prints it
// (expected strings taken from strace 6.1's output on tests/programs).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "core/text_render.hpp"
#include "core/xlat.hpp"

namespace sct {
namespace {

DecodeOptions style(XlatStyle s) {
  DecodeOptions o;
  o.xlat = s;
  return o;
}

const DecodeOptions kRaw = style(XlatStyle::Raw);
const DecodeOptions kVerbose = style(XlatStyle::Verbose);
const DecodeOptions kAbbrev = style(XlatStyle::Abbrev);

TEST(XlatStyle, FlagsWithAndWithoutResidue) {
  Value v = open_flags_value(0x80000);
  EXPECT_EQ(render_value(v, kAbbrev), "O_RDONLY|O_CLOEXEC");
  EXPECT_EQ(render_value(v, kRaw), "0x80000");
  EXPECT_EQ(render_value(v, kVerbose), "0x80000 /* O_RDONLY|O_CLOEXEC */");
  // O_RDONLY is 0: the number, and its name only under verbose.
  EXPECT_EQ(render_value(open_flags_value(0), kRaw), "0");
  EXPECT_EQ(render_value(open_flags_value(0), kVerbose), "0 /* O_RDONLY */");
  Flags residue = flags_of(XSET(kAtFlags), 0x100 | 0x10000);
  EXPECT_EQ(render_value(residue, kVerbose), "0x10100 /* AT_SYMLINK_NOFOLLOW|0x10000 */");
  // Zero with no name for it: "0" in every style.
  EXPECT_EQ(render_value(flags_of(XSET(kAtFlags), 0), kVerbose), "0");
}

TEST(XlatStyle, UnknownValuesKeepTheirCommentOnlyUnderVerbose) {
  static constexpr XlatEntry kShut[] = {XLAT_PAIR(0, "SHUT_RD"), XLAT_PAIR(1, "SHUT_WR")};
  Value unknown = xlat_value(XSET(kShut), 7, "SHUT_???");
  EXPECT_EQ(render_value(unknown, kAbbrev), "0x7 /* SHUT_??? */");
  EXPECT_EQ(render_value(unknown, kRaw), "0x7");
  EXPECT_EQ(render_value(unknown, kVerbose), "0x7 /* SHUT_??? */");
  EXPECT_EQ(render_value(xlat_value(XSET(kShut), 1, "SHUT_???"), kRaw), "0x1");
  EXPECT_EQ(render_value(xlat_value(XSET(kShut), 0, "SHUT_???"), kVerbose), "0 /* SHUT_RD */");
}

TEST(XlatStyle, SignalsAndDescriptorsInDecimal) {
  EXPECT_EQ(render_value(signal_value(9), kRaw), "9");
  EXPECT_EQ(render_value(signal_value(10), kVerbose), "10 /* SIGUSR1 */");
  EXPECT_EQ(render_value(Fd{-100, "", "AT_FDCWD"}, kRaw), "-100");
  EXPECT_EQ(render_value(Fd{-100, "", "AT_FDCWD"}, kVerbose), "-100 /* AT_FDCWD */");
  EXPECT_EQ(render_value(Sym{"AT_FDCWD", "DirFd", -100, NumBase::Dec}, kVerbose), "-100 /* AT_FDCWD */");
  EXPECT_EQ(render_value(Fd{3}, kVerbose), "3");
}

// utimensat's times: a name without -X, the struct under it.
TEST(XlatStyle, NamedStructs) {
  Value v = name_of(Struct{{Field{"tv_sec", Int{0}}, Field{"tv_nsec", Uint{1073741823}}}}, "UTIME_NOW");
  EXPECT_EQ(render_value(v, kAbbrev), "UTIME_NOW");
  EXPECT_EQ(render_value(v, kRaw), "{tv_sec=0, tv_nsec=1073741823}");
  EXPECT_EQ(render_value(v, kVerbose), "{tv_sec=0, tv_nsec=1073741823} /* UTIME_NOW */");
}

TEST(XlatStyle, ModesAndDevices) {
  EXPECT_EQ(render_value(FileMode{S_IFREG | 0644}, kRaw), "0100644");
  EXPECT_EQ(render_value(FileMode{S_IFREG | 0644}, kVerbose), "0100644 /* S_IFREG|0644 */");
  EXPECT_EQ(render_value(FileMode{0}, kRaw), "000");
  EXPECT_EQ(render_value(FileMode{0}, kVerbose), "000 /* 000 */");
  // A type no name covers: the mode alone in every style.
  EXPECT_EQ(render_value(FileMode{0170600}, kVerbose), "0170600");
  EXPECT_EQ(render_value(Dev{0x103}, kRaw), "0x103");
  EXPECT_EQ(render_value(Dev{0x103}, kVerbose), "0x103 /* makedev(0x1, 0x3) */");
}

TEST(XlatStyle, TextThatOnlyLooksLikeANameIsKept) {
  EXPECT_EQ(render_value(Sym{"&sin6_addr"}, kRaw), "&sin6_addr");
  EXPECT_EQ(render_value(Sym{"Timeout", "PollOutcome", 0, NumBase::Text}, kRaw), "Timeout");
  EXPECT_EQ(render_value(WaitStatus{7 << 8}, kRaw), "WIFEXITED(s) && WEXITSTATUS(s) == 7");
  EXPECT_EQ(render_value(commented(Ptr{0x1000}, "3 vars"), kRaw), "0x1000 /* 3 vars */");
}

TEST(XlatStyle, WordsOfSeveralFieldsPrintPartByPart) {
  Flags clone;
  clone.names = {"CLONE_CHILD_CLEARTID", "CLONE_CHILD_SETTID", "SIGCHLD"};
  clone.raw = 0x1200011;
  Flags bits;
  bits.names = {"CLONE_CHILD_CLEARTID", "CLONE_CHILD_SETTID"};
  bits.raw = 0x1200000;
  clone.parts = {bits, signal_value(17)};
  EXPECT_EQ(render_value(clone, kAbbrev), "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD");
  EXPECT_EQ(render_value(clone, kRaw), "0x1200000|17");
  EXPECT_EQ(render_value(clone, kVerbose),
            "0x1200000 /* CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID */|17 /* SIGCHLD */");
}

TEST(XlatStyle, PortsAndAddressesAsBytes) {
  Value port = fn("htons", {Uint{1}});
  Value addr = fn("inet_addr", {whole_str("127.0.0.1")});
  EXPECT_EQ(render_value(port, kRaw), R"("\x00\x01")");
  EXPECT_EQ(render_value(addr, kRaw), R"("\x7f\x00\x00\x01")");
  EXPECT_EQ(render_value(port, kVerbose), R"("\x00\x01" /* htons(1) */)");
  EXPECT_EQ(render_value(addr, kAbbrev), R"(inet_addr("127.0.0.1"))");
}

}  // namespace
}  // namespace sct
