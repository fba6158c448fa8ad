#include "engine/capture/captured_stack_source.hpp"

#include <cstring>

#include "engine/capture/stream_abi.h"

namespace sct {

static_assert(sizeof(sct_user_regs) == 8 * kDwarfRegs && SCT_USER_REGS == kDwarfRegs,
              "stream_abi.h: the registers in DWARF's numbering");

std::optional<CapturedStackSource> CapturedStackSource::from(const CapturedMemory& mem) {
  auto regs = mem.special(SCT_AT_USER_REGS);
  if (!regs || regs->size() < sizeof(sct_user_regs)) return std::nullopt;
  sct_user_regs u;
  memcpy(&u, regs->data(), sizeof u);
  CapturedStackSource s;
  for (int i = 0; i < kDwarfRegs; ++i) s.regs_[i] = u.dwarf[i];
  s.sp_ = u.dwarf[kDwarfRsp];
  s.window_ = mem.special(SCT_AT_USER_STACK).value_or(std::string_view());
  return s;
}

bool CapturedStackSource::registers(uint64_t (&regs)[kDwarfRegs], uint32_t& known) {
  for (int i = 0; i < kDwarfRegs; ++i) regs[i] = regs_[i];
  known = (1u << kDwarfRegs) - 1;
  return true;
}

bool CapturedStackSource::read_word(uint64_t addr, uint64_t& word) {
  if (addr < sp_ || addr - sp_ + sizeof word > window_.size()) return false;
  memcpy(&word, window_.data() + (addr - sp_), sizeof word);
  return true;
}

}  // namespace sct
