// process_vm_readv, process_vm_writev: local iovecs with their data, remote
// iovecs as addresses (another process's memory).
#include "core/call.hpp"
#include "decode/common.hpp"

namespace sct {

bool decode_process_vm_readv(Call& c) {
  if (c.entering()) {
    c.push(Int{c.iarg(0)});
    return false;
  }
  // The local side is filled by the call: its data up to the return value,
  // its addresses when the call failed.
  if (c.failed()) c.push(iovec_addrs(c, c.arg(1), c.arg(2)));
  else c.push(iovec_array(c, c.arg(1), c.arg(2), static_cast<uint64_t>(c.ret())));
  c.push(Uint{c.arg(2)});
  c.push(iovec_addrs(c, c.arg(3), c.arg(4)));
  c.push(Uint{c.arg(4)});
  c.push(Uint{c.arg(5)});
  return true;
}

bool decode_process_vm_writev(Call& c) {
  c.push(Int{c.iarg(0)});
  c.push(iovec_array(c, c.arg(1), c.arg(2), UINT64_MAX));
  c.push(Uint{c.arg(2)});
  c.push(iovec_addrs(c, c.arg(3), c.arg(4)));
  c.push(Uint{c.arg(4)});
  c.push(Uint{c.arg(5)});
  return true;
}

}  // namespace sct
