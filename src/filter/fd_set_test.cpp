#include "filter/fd_set.hpp"

#include <gtest/gtest.h>

#include "filter/filter_options.hpp"

namespace sct {
namespace {

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
  EXPECT_EQ(parse_fd_set("!none", s), "");
  EXPECT_TRUE(s.contains(7));
  EXPECT_EQ(parse_fd_set("!all", s), "");
  EXPECT_FALSE(s.any());
  EXPECT_FALSE(s.contains(-100));  // AT_FDCWD is no descriptor
}

// What strace 6.1 accepts and refuses (-e read=), each learned by running it.
TEST(FdSet, StraceSyntax) {
  FdSet s;
  for (const char* ok : {"!!3", "!!all", "+3", " 3", "03", "-0", "!3,", "3,,4", "4096", "2147483647"})
    EXPECT_EQ(parse_fd_set(ok, s), "") << ok;
  EXPECT_EQ(parse_fd_set("!!3", s), "");
  EXPECT_TRUE(s.contains(3));
  EXPECT_FALSE(s.contains(4));
  EXPECT_EQ(parse_fd_set("4096", s), "");
  EXPECT_TRUE(s.contains(4096));
  const std::pair<const char*, const char*> bad[] = {
      {"", "''"},          {"!", "'!'"},         {"!!", "'!!'"},     {",", "','"},
      {"!,", "'!,'"},      {"ALL", "'ALL'"},     {"None", "'None'"}, {"all,3", "'all'"},
      {"3,none", "'none'"}, {",all", "'all'"},   {"-1", "'-1'"},     {"3x", "'3x'"},
      {"3 ", "'3 '"},      {"0x3", "'0x3'"},     {"1,!2", "'!2'"},   {"2147483648", "'2147483648'"},
  };
  for (auto [expr, named] : bad) EXPECT_EQ(parse_fd_set(expr, s), std::string("invalid descriptor ") + named) << expr;
}

// --trace-fds= keeps the set in the filter: any descriptor, not only small ones.
TEST(FdSet, TraceFds) {
  FilterOptions f;
  EXPECT_EQ(parse_fd_set("1,5000", f.fds), "");
  EXPECT_TRUE(f.traces_fd(1));
  EXPECT_TRUE(f.traces_fd(5000));
  EXPECT_FALSE(f.traces_fd(2));
  EXPECT_FALSE(f.traces_fd(-100));
  EXPECT_EQ(parse_fd_set("!1", f.fds), "");
  EXPECT_FALSE(f.traces_fd(1));
  EXPECT_TRUE(f.traces_fd(100000));
}

}  // namespace
}  // namespace sct
