#include <fcntl.h>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

TEST(Openat, ModeOnlyWithCreat) {
  FakeMemory m;
  uint64_t p = m.put_str(0x1000, "/etc/ld.so.cache");
  EXPECT_EQ(trace_line("openat", {uint64_t(AT_FDCWD), p, O_RDONLY | O_CLOEXEC, 0777}, 3, m),
            R"(openat(AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3)");
  EXPECT_EQ(trace_line("openat", {uint64_t(AT_FDCWD), p, O_WRONLY | O_CREAT | O_EXCL, 0644}, -17, m),
            R"(openat(AT_FDCWD, "/etc/ld.so.cache", O_WRONLY|O_CREAT|O_EXCL, 0644) = -1 EEXIST (File exists))");
}

TEST(Openat, UnknownFlagBitsAndBadPath) {
  FakeMemory m;
  EXPECT_EQ(trace_line("openat", {uint64_t(AT_FDCWD), 0xbad000, O_WRONLY | 0x80000000u, 0}, -14, m),
            "openat(AT_FDCWD, 0xbad000, O_WRONLY|0x80000000) = -1 EFAULT (Bad address)");
}

TEST(Openat, TmpfileImpliesDirectoryAndTakesAMode) {
  FakeMemory m;
  uint64_t p = m.put_str(0x1000, "/tmp");
  EXPECT_EQ(trace_line("openat", {uint64_t(AT_FDCWD), p, O_TMPFILE | O_RDWR, 0600}, 3, m),
            R"(openat(AT_FDCWD, "/tmp", O_RDWR|O_TMPFILE, 0600) = 3)");
}

TEST(Access, ModeNames) {
  FakeMemory m;
  uint64_t p = m.put_str(0x1000, "/etc/ld.so.preload");
  EXPECT_EQ(trace_line("access", {p, R_OK}, -2, m),
            R"(access("/etc/ld.so.preload", R_OK)      = -1 ENOENT (No such file or directory))");
  EXPECT_EQ(trace_line("access", {p, F_OK}, 0, m), R"(access("/etc/ld.so.preload", F_OK)      = 0)");
}

TEST(Path, UnterminatedPathIsCut) {
  FakeMemory m;
  // No NUL within reach: strace prints what it could read and "...".
  uint64_t p = m.put(0x1000, std::string(5000, 'a'));
  std::string line = trace_line("unlink", {p}, -36, m);
  EXPECT_NE(line.find("aaaa\"..."), std::string::npos) << line;
}

}  // namespace
}  // namespace sct::testing
