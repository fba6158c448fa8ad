// sched_getaffinity: the CPU set the kernel fills, as a list of CPU numbers.
#include <algorithm>
#include <string>

#include "core/call.hpp"

namespace sct {

bool decode_sched_getaffinity(Call& c) {
  if (c.entering()) {
    c.push(Int{c.iarg(0)});
    c.push(Uint{c.uarg(1)});
    return false;
  }
  if (c.failed()) {
    c.push(c.ptr(c.arg(2)));
    return true;
  }
  // The return value is how many bytes of the mask the kernel wrote.
  size_t n = static_cast<size_t>(std::min<int64_t>(c.ret(), 1024));
  std::string mask(n, '\0');
  if (!c.mem().read(c.arg(2), mask.data(), n)) {
    c.push(c.ptr(c.arg(2)));
    return true;
  }
  Array cpus;
  cpus.bits = true;
  for (size_t i = 0; i < n * 8; ++i)
    if (static_cast<unsigned char>(mask[i / 8]) >> (i % 8) & 1) cpus.items.push_back(Uint{i});
  c.push(std::move(cpus));
  return true;
}

}  // namespace sct
