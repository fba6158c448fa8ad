// sched_getaffinity, sched_setaffinity: a CPU set as a list of CPU numbers.
#include <algorithm>
#include <string>

#include "core/call.hpp"

namespace sct {

namespace {

// strace reads at most a cpu_set_t's worth of a mask (the size the kernel
// takes on a machine of up to 1024 CPUs) and marks a longer one with "...".
constexpr size_t kMaxMaskBytes = 128;

// The `n` bytes of the mask at `addr` as [0 1 ...], or its address.
Value cpu_set(Call& c, uint64_t addr, uint64_t len) {
  if (!addr) return c.ptr(addr);  // NULL, even for a length of 0
  size_t n = static_cast<size_t>(std::min<uint64_t>(len, kMaxMaskBytes));
  std::string mask(n, '\0');
  if (!c.fetch(addr, mask.data(), n)) return c.ptr(addr);
  Array cpus;
  cpus.bits = true;
  cpus.elided = len > n;
  for (size_t i = 0; i < n * 8; ++i)
    if (static_cast<unsigned char>(mask[i / 8]) >> (i % 8) & 1) cpus.items.push_back(Uint{i});
  return cpus;
}

}  // namespace

// The mask the call reads: the length argument's bytes of it, at entry.
bool decode_sched_setaffinity(Call& c) {
  c.push(c.pid(c.iarg(0)));
  c.push(Uint{c.uarg(1)});
  c.push(cpu_set(c, c.arg(2), c.uarg(1)));
  return true;
}

bool decode_sched_getaffinity(Call& c) {
  if (c.entering()) {
    c.push(c.pid(c.iarg(0)));
    c.push(Uint{c.uarg(1)});
    return false;
  }
  if (c.failed()) {
    c.push(c.ptr(c.arg(2)));
    return true;
  }
  // The return value is how many bytes of the mask the kernel wrote (an
  // injected retval=-1 is a huge unsigned length, as strace reads it).
  c.push(cpu_set(c, c.arg(2), static_cast<uint64_t>(c.ret())));
  return true;
}

}  // namespace sct
