// -k on the eBPF engine: the registers and the window of user stack the
// kernel copied at the call's entry (SCT_AT_USER_REGS, SCT_AT_USER_STACK),
// as the unwinder's StackSource. Memory outside the window cannot be had:
// the unwind ends there.
#pragma once

#include <optional>
#include <string_view>

#include "engine/capture/captured_memory.hpp"
#include "stack/stack_source.hpp"

namespace sct {

class CapturedStackSource : public StackSource {
 public:
  // Null when the record carries no registers (no -k, or no room left).
  static std::optional<CapturedStackSource> from(const CapturedMemory& mem);

  bool registers(uint64_t (&regs)[kDwarfRegs], uint32_t& known) override;
  bool read_word(uint64_t addr, uint64_t& word) override;

 private:
  uint64_t regs_[kDwarfRegs] = {};
  uint64_t sp_ = 0;
  std::string_view window_;  // the bytes from sp_ up
};

}  // namespace sct
