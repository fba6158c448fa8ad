#include "cli/fd_options.hpp"

#include <gtest/gtest.h>

namespace sct {
namespace {

// Accepted sets and messages as strace 6.1 gives them.
TEST(DecodeFds, NamesAllNoneAndNegation) {
  unsigned v = 0;
  EXPECT_EQ(parse_decode_fds("path,socket", v), "");
  EXPECT_EQ(v, kFdPath | kFdSocket);
  EXPECT_EQ(parse_decode_fds("DEV,", v), "");  // any case, empty items skipped
  EXPECT_EQ(v, kFdDev);
  EXPECT_EQ(parse_decode_fds("all", v), "");
  EXPECT_EQ(v, kFdAll);
  EXPECT_EQ(parse_decode_fds("none", v), "");
  EXPECT_EQ(v, 0u);
  EXPECT_EQ(parse_decode_fds("!path", v), "");
  EXPECT_EQ(v, kFdSocket | kFdDev | kFdPidfd);
  EXPECT_EQ(parse_decode_fds("eventfd", v), "invalid decode-fds 'eventfd'");
  EXPECT_EQ(parse_decode_fds("all,none", v), "invalid decode-fds 'all'");
  EXPECT_EQ(parse_decode_fds("", v), "invalid decode-fds ''");
  EXPECT_EQ(parse_decode_fds("!", v), "invalid decode-fds '!'");
}

TEST(FdSet, NumbersAllNoneAndNegation) {
  FdSet s;
  EXPECT_EQ(parse_fd_set("1,,3", s), "");
  EXPECT_TRUE(s.contains(3));
  EXPECT_FALSE(s.contains(2));
  EXPECT_EQ(parse_fd_set("!0", s), "");
  EXPECT_TRUE(s.contains(5));
  EXPECT_FALSE(s.contains(0));
  EXPECT_EQ(parse_fd_set("all", s), "");
  EXPECT_TRUE(s.contains(1000));
  EXPECT_EQ(parse_fd_set("none", s), "");
  EXPECT_FALSE(s.any());
  EXPECT_EQ(parse_fd_set("foo", s), "invalid descriptor 'foo'");
  EXPECT_EQ(parse_fd_set("-1", s), "invalid descriptor '-1'");
  EXPECT_EQ(parse_fd_set("2147483648", s), "invalid descriptor '2147483648'");
  EXPECT_EQ(parse_fd_set("3,all", s), "invalid descriptor 'all'");
}

}  // namespace
}  // namespace sct
