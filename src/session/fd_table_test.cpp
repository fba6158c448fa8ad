#include "session/fd_table.hpp"

#include <gtest/gtest.h>

namespace sct {
namespace {

TEST(FdTable, RemembersUntilClosedAndFollowsDupAndFork) {
  FdTable t;
  t.learn(10, 3, "/etc/hostname");
  EXPECT_EQ(t.lookup(10, 3), "/etc/hostname");
  EXPECT_FALSE(t.lookup(11, 3));  // another process
  t.copy(10, 3, 7);
  EXPECT_EQ(t.lookup(10, 7), "/etc/hostname");
  t.inherit(10, 12);
  t.forget(10, 3);
  EXPECT_FALSE(t.lookup(10, 3));
  EXPECT_EQ(t.lookup(12, 3), "/etc/hostname");  // the child's copy stays
  t.copy(10, 3, 7);  // dup2 of a closed descriptor: 7 is unknown now
  EXPECT_FALSE(t.lookup(10, 7));
}

}  // namespace
}  // namespace sct
