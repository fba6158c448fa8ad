// sendfile: the offset is read before the call and written after it.
#include "core/call.hpp"

namespace sct {

bool decode_sendfile(Call& c) {
  uint64_t addr = c.arg(2);
  if (c.entering()) {
    c.push(c.fd(c.iarg(0)));
    c.push(c.fd(c.iarg(1)));
    auto off = c.read<int64_t>(addr);
    c.save(0, off ? 1 : 0);
    c.save(1, off ? static_cast<uint64_t>(*off) : 0);
    return false;
  }
  if (addr == 0) c.push(Ptr{0});
  else if (!c.saved(0)) c.push(c.ptr(addr));
  else {
    Value before = Array{{Int{static_cast<int64_t>(c.saved(1))}}};
    auto after = c.failed() ? std::nullopt : c.read<int64_t>(addr);
    c.push(after ? changed(before, Array{{Int{*after}}}) : before);
  }
  c.push(Uint{c.arg(3)});
  return true;
}

}  // namespace sct
