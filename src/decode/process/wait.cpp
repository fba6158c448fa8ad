// wait4: the status the kernel stores is printed with the W* macros.
#include <sys/wait.h>

#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {

constexpr XlatEntry kWaitOptions[] = {
    XLAT(WNOHANG), XLAT(WSTOPPED), XLAT(WEXITED), XLAT(WCONTINUED), XLAT(WNOWAIT),
    XLAT(__WNOTHREAD), XLAT(__WALL), XLAT(__WCLONE)};

}  // namespace

Value wait_status_at(Call& c, uint64_t addr) {
  if (addr == 0) return Ptr{0};
  if (c.failed() || c.ret() == 0) return c.ptr(addr);
  auto s = c.read<int>(addr);
  if (!s) return c.ptr(addr);
  return Array{{Struct{{{"", WaitStatus{*s}}}}}};
}

bool decode_wait4(Call& c) {
  if (c.entering()) {
    c.push(Int{c.iarg(0)});
    return false;
  }
  c.push(wait_status_at(c, c.arg(1)));
  c.push(flags_of(XSET(kWaitOptions), c.uarg(2)));
  c.push(c.ptr(c.arg(3)));
  return true;
}

}  // namespace sct
