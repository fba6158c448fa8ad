// getgroups, setgroups: arrays of gids, counted by the first argument
// (setgroups) or by the return value (getgroups).
#include <sys/types.h>

#include "core/call.hpp"
#include "decode/common.hpp"

namespace sct {

namespace {

Value gid_value(uint32_t g) { return Uint{g}; }

}  // namespace

bool decode_getgroups(Call& c) {
  if (c.entering()) {
    c.push(Int{c.iarg(0)});
    return false;
  }
  uint64_t addr = c.arg(1);
  // With size 0 the kernel only counts the groups and writes none: [].
  uint64_t n = c.iarg(0) == 0 ? 0 : static_cast<uint64_t>(c.ret());
  if (addr == 0 || c.failed()) c.push(c.ptr(addr));
  else c.push(struct_array<uint32_t>(c, addr, n, gid_value));
  return true;
}

bool decode_setgroups(Call& c) {
  int n = c.iarg(0);
  c.push(Int{n});
  uint64_t addr = c.arg(1);
  if (addr == 0 || n < 0) c.push(c.ptr(addr));
  else c.push(struct_array<uint32_t>(c, addr, static_cast<uint64_t>(n), gid_value));
  return true;
}

}  // namespace sct
