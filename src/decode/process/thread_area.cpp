// set_thread_area, get_thread_area: struct user_desc, whose flags are
// bitfields. x86_64 kernels refuse both (ENOSYS) for 64-bit callers; they
// are decoded for the record strace makes of the attempt.
#include <asm/ldt.h>

#include <fmt/format.h>

#include "core/call.hpp"

namespace sct {

namespace {

// C's %#08x, as strace prints these two fields: 00000000, 0x001000.
Value hex08(unsigned v) { return Sym{v ? fmt::format("{:#08x}", v) : std::string(8, '0')}; }

Value user_desc_at(Call& c, uint64_t addr, bool whole) {
  if (addr == 0) return Ptr{0};
  auto u = c.read<user_desc>(addr);
  if (!u) return c.ptr(addr);
  Struct s;
  s.fields.push_back({"entry_number", Int{static_cast<int>(u->entry_number)}});
  if (!whole) {  // what get_thread_area reads: only the entry number
    s.elided = true;
    return s;
  }
  s.fields.push_back({"base_addr", hex08(u->base_addr)});
  s.fields.push_back({"limit", hex08(u->limit)});
  s.fields.push_back({"seg_32bit", Uint{u->seg_32bit}});
  s.fields.push_back({"contents", Uint{u->contents}});
  s.fields.push_back({"read_exec_only", Uint{u->read_exec_only}});
  s.fields.push_back({"limit_in_pages", Uint{u->limit_in_pages}});
  s.fields.push_back({"seg_not_present", Uint{u->seg_not_present}});
  s.fields.push_back({"useable", Uint{u->useable}});
  s.fields.push_back({"lm", Uint{u->lm}});
  return s;
}

}  // namespace

bool decode_set_thread_area(Call& c) {
  c.push(user_desc_at(c, c.arg(0), true));
  return true;
}

bool decode_get_thread_area(Call& c) {
  c.push(user_desc_at(c, c.arg(0), false));
  return true;
}

}  // namespace sct
