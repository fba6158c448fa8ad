#include "core/output.hpp"

#include <gtest/gtest.h>

namespace sct {
namespace {

TEST(Output, AFailedWriteIsToldAtClose) {
  Output out;
  ASSERT_EQ(out.open("/dev/full", false), "");
  out.write("execve(...) = 0\n");  // buffered: nothing fails yet
  EXPECT_FALSE(out.failed());
  EXPECT_EQ(out.close(), "/dev/full: No space left on device");
  EXPECT_TRUE(out.failed());
}

TEST(Output, AWritableFileIsNoFailure) {
  Output out;
  ASSERT_EQ(out.open("/dev/null", false), "");
  out.write("line\n");
  EXPECT_EQ(out.close(), "");
}

TEST(Output, ACommandThatReadsNothingLosesTheTrace) {
  catch_sigpipe();
  Output out;
  ASSERT_EQ(out.open("|", false), "");
  out.write("line\n");
  EXPECT_EQ(out.close(), "|: Broken pipe");
}

TEST(Output, ACommandThatReadsEverythingIsNoFailure) {
  Output out;
  ASSERT_EQ(out.open("|cat >/dev/null", false), "");
  out.write("line\n");
  EXPECT_EQ(out.close(), "");
}

}  // namespace
}  // namespace sct
