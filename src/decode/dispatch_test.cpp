#include "decode/dispatch.hpp"

#include <gtest/gtest.h>

#include "syscalls/syscall_table.hpp"

namespace sct {
namespace {

// A Custom row without decode_<name> fails the link; a Generic row must not
// have one, or the generic decoder would never run for it.
TEST(Dispatch, CustomRowsAndOnlyThoseHaveDecoders) {
  for (const SyscallInfo* s = syscalls_begin(); s != syscalls_end(); ++s)
    EXPECT_EQ(s->dec == Dec::Custom, custom_decoder(s->nr) != nullptr) << s->name;
  EXPECT_EQ(custom_decoder(-1), nullptr);
  EXPECT_EQ(custom_decoder(100000), nullptr);
}

}  // namespace
}  // namespace sct
