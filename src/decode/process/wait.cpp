// wait4: the status the kernel stores is printed with the W* macros.
// waitid: the kernel fills a siginfo instead.
#include <sys/wait.h>

#include <fmt/format.h>

#include "core/arg_sets.hpp"
#include "syscalls/arg_set_ids.hpp"
#include "core/call.hpp"
#include "core/xlat.hpp"
#include "decode/signal/siginfo.hpp"

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
    c.push(c.pid(c.iarg(0)));
    return false;
  }
  c.push(wait_status_at(c, c.arg(1)));
  c.push(flags_of(XSET(kWaitOptions), c.uarg(2)));
  c.push(c.ptr(c.arg(3)));
  return true;
}

Value rusage_at(Call& c, uint64_t addr);  // decode/process/rusage.cpp

bool decode_waitid(Call& c) {
  if (c.entering()) {
    c.push(arg_set_value(ArgSet::IdType, c.uarg(0)));
    // P_PGID's id is a process group: never a name under -Y.
    c.push(c.pid(c.iarg(1), c.uarg(0) == P_PGID));
    return false;
  }
  uint64_t info = c.arg(2);
  if (info == 0) c.push(Ptr{0});
  else if (auto si = c.failed() ? std::nullopt : c.read<siginfo_t>(info)) c.push(decode_siginfo(*si));
  else c.push(c.ptr(info));
  c.push(arg_set_value(ArgSet::WaitidOptions, c.uarg(3)));
  c.push(rusage_at(c, c.arg(4)));
  return true;
}

}  // namespace sct
