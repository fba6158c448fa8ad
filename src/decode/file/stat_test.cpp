#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

TEST(Newfstatat, AbbreviatedWithoutVerbose) {
  FakeMemory m;
  struct stat st{};
  st.st_mode = S_IFREG | 0644;
  st.st_size = 41491;
  uint64_t sp = m.put_obj(0x2000, st);
  uint64_t p = m.put_str(0x1000, "");
  EXPECT_EQ(trace_line("newfstatat", {3, p, sp, AT_EMPTY_PATH}, 0, m),
            R"(newfstatat(3, "", {st_mode=S_IFREG|0644, st_size=41491, ...}, AT_EMPTY_PATH) = 0)");
}

TEST(Newfstatat, DevicesShowRdev) {
  FakeMemory m;
  struct stat st{};
  st.st_mode = S_IFCHR | 0666;
  st.st_rdev = makedev(1, 3);
  uint64_t sp = m.put_obj(0x2000, st);
  uint64_t p = m.put_str(0x1000, "/dev/null");
  EXPECT_EQ(trace_line("newfstatat", {uint64_t(AT_FDCWD), p, sp, 0}, 0, m),
            R"(newfstatat(AT_FDCWD, "/dev/null", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}, 0) = 0)");
}

TEST(Newfstatat, FailedCallPrintsTheAddress) {
  FakeMemory m;
  uint64_t p = m.put_str(0x1000, "missing");
  EXPECT_EQ(trace_line("newfstatat", {uint64_t(AT_FDCWD), p, 0x7ffd0000, 0}, -2, m),
            R"(newfstatat(AT_FDCWD, "missing", 0x7ffd0000, 0) = -1 ENOENT (No such file or directory))");
}

// stat(1) asks for STATX_ALL: strace names the whole set in the argument as
// in stx_mask, and each bit of a partial mask.
TEST(Statx, MaskNamesItsSets) {
  FakeMemory m;
  struct statx st{};
  st.stx_mask = STATX_ALL | STATX_MNT_ID;
  st.stx_mode = S_IFREG | 0644;
  st.stx_size = 15;
  uint64_t sp = m.put_obj(0x2000, st);
  uint64_t p = m.put_str(0x1000, "s.txt");
  EXPECT_EQ(trace_line("statx", {uint64_t(AT_FDCWD), p, 0, STATX_ALL, sp}, 0, m),
            R"(statx(AT_FDCWD, "s.txt", AT_STATX_SYNC_AS_STAT, STATX_ALL, {stx_mask=STATX_ALL|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0644, stx_size=15, ...}) = 0)");
  EXPECT_EQ(trace_line("statx", {uint64_t(AT_FDCWD), p, 0, STATX_BASIC_STATS | STATX_MNT_ID, 0x3000}, -14, m),
            R"(statx(AT_FDCWD, "s.txt", AT_STATX_SYNC_AS_STAT, STATX_BASIC_STATS|STATX_MNT_ID, 0x3000) = -1 EFAULT (Bad address))");
  EXPECT_EQ(trace_line("statx", {uint64_t(AT_FDCWD), p, 0, STATX_TYPE | STATX_MODE, 0x3000}, -14, m),
            R"(statx(AT_FDCWD, "s.txt", AT_STATX_SYNC_AS_STAT, STATX_TYPE|STATX_MODE, 0x3000) = -1 EFAULT (Bad address))");
}

// -X verbose: the sync type and the flags are two numbers (ls -l under strace).
TEST(Statx, VerboseSplitsSyncTypeFromFlags) {
  FakeMemory m;
  uint64_t p = m.put_str(0x1000, "/");
  DecodeOptions o;
  o.xlat = XlatStyle::Verbose;
  EXPECT_EQ(trace_line("statx", {uint64_t(AT_FDCWD), p, AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT, STATX_BASIC_STATS, 0x3000}, -14, m, o),
            R"(statx(-100 /* AT_FDCWD */, "/", 0 /* AT_STATX_SYNC_AS_STAT */|0x900 /* AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT */, 0x7ff /* STATX_BASIC_STATS */, 0x3000) = -1 EFAULT (Bad address))");
  EXPECT_EQ(trace_line("statx", {uint64_t(AT_FDCWD), p, 0, STATX_BASIC_STATS, 0x3000}, -14, m, o),
            R"(statx(-100 /* AT_FDCWD */, "/", 0 /* AT_STATX_SYNC_AS_STAT */, 0x7ff /* STATX_BASIC_STATS */, 0x3000) = -1 EFAULT (Bad address))");
}

// df: strace puts ST_VALID before the mount flags.
TEST(Statfs, ValidFlagComesFirst) {
  FakeMemory m;
  struct statfs st{};
  st.f_type = 0x1021994;
  st.f_flags = 0x20 | ST_RDONLY | ST_NOSUID | ST_NODEV | ST_RELATIME;
  uint64_t sp = m.put_obj(0x2000, st);
  uint64_t p = m.put_str(0x1000, "/");
  std::string line = trace_line("statfs", {p, sp}, 0, m);
  EXPECT_NE(line.find("f_flags=ST_VALID|ST_RDONLY|ST_NOSUID|ST_NODEV|ST_RELATIME}"), std::string::npos) << line;
}

}  // namespace
}  // namespace sct::testing
