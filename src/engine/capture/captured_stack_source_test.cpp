#include "engine/capture/captured_stack_source.hpp"

#include <cstring>
#include <string>

#include <gtest/gtest.h>

#include "engine/capture/stream_abi.h"

namespace sct {
namespace {

TEST(CapturedStackSource, NoRegistersNoSource) {
  CapturedMemory mem;
  EXPECT_FALSE(CapturedStackSource::from(mem));
}

// The registers are what the kernel gave, all of them; memory is the window
// from sp up, and nothing else (the unwind ends where the copy ends).
TEST(CapturedStackSource, RegistersAndTheWindowAboveSp) {
  sct_user_regs u{};
  for (int i = 0; i < kDwarfRegs; ++i) u.dwarf[i] = 0x100 + i;
  u.dwarf[kDwarfRip] = 0x401000;
  u.dwarf[kDwarfRsp] = 0x7ffd0000;
  u.dwarf[kDwarfRbp] = 0x7ffd0040;
  std::string regs(reinterpret_cast<const char*>(&u), sizeof u);
  std::string window(32, '\0');
  const uint64_t words[4] = {1, 2, 0x401234, 4};
  memcpy(window.data(), words, sizeof words);
  CapturedMemory mem;
  mem.add({SCT_AT_USER_REGS, regs});
  mem.add({SCT_AT_USER_STACK, window});
  auto src = CapturedStackSource::from(mem);
  ASSERT_TRUE(src);
  uint64_t r[kDwarfRegs] = {};
  uint32_t known = 0;
  ASSERT_TRUE(src->registers(r, known));
  EXPECT_EQ(known, (1u << kDwarfRegs) - 1);
  EXPECT_EQ(r[kDwarfRip], 0x401000u);
  EXPECT_EQ(r[kDwarfRsp], 0x7ffd0000u);
  EXPECT_EQ(r[kDwarfRbp], 0x7ffd0040u);
  EXPECT_EQ(r[5], 0x105u);  // rdi: where vfork keeps its return address
  uint64_t w = 0;
  ASSERT_TRUE(src->read_word(0x7ffd0010, w));
  EXPECT_EQ(w, 0x401234u);
  EXPECT_TRUE(src->read_word(0x7ffd0018, w));
  EXPECT_FALSE(src->read_word(0x7ffd001c, w));  // runs past the copy
  EXPECT_FALSE(src->read_word(0x7ffcfff8, w));  // below sp
}

}  // namespace
}  // namespace sct
