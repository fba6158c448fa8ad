// splice, vmsplice, copy_file_range: data moved between descriptors and
// pipes; the offsets are in-out loff_t pointers.
#include "core/arg_sets.hpp"
#include "core/call.hpp"
#include "decode/common.hpp"

namespace sct {

namespace {
// [offset] as it was before the call, or the pointer when unreadable.
Value offset_in(Call& c, uint64_t addr) {
  auto off = c.read<int64_t>(addr);
  if (!off) return c.ptr(addr);
  return Array{{Int{*off}}};
}
}  // namespace

bool decode_splice(Call& c) {
  c.push(c.fd(c.iarg(0)));
  c.push(offset_in(c, c.arg(1)));
  c.push(c.fd(c.iarg(2)));
  c.push(offset_in(c, c.arg(3)));
  c.push(Uint{c.arg(4)});
  c.push(arg_set_value(c.info()->sets[5], c.uarg(5)));
  return true;
}

bool decode_copy_file_range(Call& c) {
  c.push(c.fd(c.iarg(0)));
  c.push(offset_in(c, c.arg(1)));
  c.push(c.fd(c.iarg(2)));
  c.push(offset_in(c, c.arg(3)));
  c.push(Uint{c.arg(4)});
  c.push(Uint{c.uarg(5)});
  return true;
}

// The iovecs with their data at entry, whichever way the pipe goes (strace
// shows what the buffers hold before the call).
bool decode_vmsplice(Call& c) {
  c.push(c.fd(c.iarg(0)));
  c.push(iovec_array(c, c.arg(1), c.arg(2), UINT64_MAX));
  c.push(Uint{c.arg(2)});
  c.push(arg_set_value(c.info()->sets[3], c.uarg(3)));
  return true;
}

}  // namespace sct
