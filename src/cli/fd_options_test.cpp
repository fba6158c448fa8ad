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

}  // namespace
}  // namespace sct
