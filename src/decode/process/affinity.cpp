// sched_getaffinity, sched_setaffinity: a CPU set as a list of CPU numbers.
#include <algorithm>
#include <string>

#include "core/call.hpp"

namespace sct {

namespace {

// The `n` bytes of the mask at `addr` as [0 1 ...], or its address.
Value cpu_set(Call& c, uint64_t addr, size_t n) {
  std::string mask(n, '\0');
  if (!c.fetch(addr, mask.data(), n)) return c.ptr(addr);
  Array cpus;
  cpus.bits = true;
  for (size_t i = 0; i < n * 8; ++i)
    if (static_cast<unsigned char>(mask[i / 8]) >> (i % 8) & 1) cpus.items.push_back(Uint{i});
  return cpus;
}

}  // namespace

// The mask the call reads: the length argument's bytes of it, at entry.
bool decode_sched_setaffinity(Call& c) {
  c.push(c.pid(c.iarg(0)));
  c.push(Uint{c.uarg(1)});
  c.push(cpu_set(c, c.arg(2), std::min<size_t>(c.uarg(1), 1024)));
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
  // The return value is how many bytes of the mask the kernel wrote.
  size_t n = static_cast<size_t>(std::min<int64_t>(c.ret(), 1024));
  c.push(cpu_set(c, c.arg(2), n));
  return true;
}

}  // namespace sct
