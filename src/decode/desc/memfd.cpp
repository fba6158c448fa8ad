// memfd_create.
#include <asm-generic/hugetlb_encode.h>

#include <fmt/format.h>

#include "core/arg_sets.hpp"
#include "syscalls/arg_set_ids.hpp"
#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {
// <linux/memfd.h>: MFD_HUGE_SHIFT and MFD_HUGE_MASK are these (the header
// itself clashes with glibc's MFD_* definitions).
constexpr unsigned kHugeShift = HUGETLB_FLAG_ENCODE_SHIFT;
constexpr uint64_t kHugeMask = HUGETLB_FLAG_ENCODE_MASK;
}  // namespace

// The flags, then the huge page size as its log2 the way strace writes it:
// MFD_HUGETLB|21<<MFD_HUGE_SHIFT, 0x8 /* MFD_??? */|1<<MFD_HUGE_SHIFT.
bool decode_memfd_create(Call& c) {
  c.push(c.cstr(c.arg(0)));
  uint64_t v = c.uarg(1);
  uint64_t huge = (v >> kHugeShift) & kHugeMask;
  uint64_t low = v & ~(kHugeMask << kHugeShift);
  if (!huge) {
    c.push(arg_set_value(ArgSet::Mfd, low));
    return true;
  }
  std::string text;
  if (low) {
    Flags f = flags_of(arg_set_table(ArgSet::Mfd), low);
    text = f.names.empty() ? fmt::format("{:#x} /* {} */", low, arg_set_info(ArgSet::Mfd).unknown)
                           : render_flags_text(f);
    text += '|';
  }
  text += fmt::format("{}<<MFD_HUGE_SHIFT", huge);
  c.push(Sym{std::move(text), "Mfd", static_cast<int64_t>(v)});
  return true;
}

}  // namespace sct
