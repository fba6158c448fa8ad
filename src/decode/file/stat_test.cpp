#include <fcntl.h>
#include <sys/stat.h>
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

}  // namespace
}  // namespace sct::testing
