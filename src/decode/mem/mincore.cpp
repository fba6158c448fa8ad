// mincore: one byte per page of the range, written by the kernel.
#include <unistd.h>

#include "core/call.hpp"
#include "decode/common.hpp"

namespace sct {

bool decode_mincore(Call& c) {
  if (c.entering()) {
    c.push(c.ptr(c.arg(0)));
    c.push(Uint{c.arg(1)});
    return false;
  }
  static const uint64_t page = static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
  uint64_t vec = c.arg(2);
  if (vec == 0 || c.failed()) {
    c.push(c.ptr(vec));
  } else {
    uint64_t pages = c.arg(1) / page + (c.arg(1) % page != 0);
    c.push(struct_array<uint8_t>(c, vec, pages, [](uint8_t b) { return Value(Uint{b}); }));
  }
  return true;
}

}  // namespace sct
