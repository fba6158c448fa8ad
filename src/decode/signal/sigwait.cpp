// rt_sigpending, rt_sigsuspend, rt_sigtimedwait, rt_sigqueueinfo: signal
// sets and siginfo in and out.
#include <signal.h>

#include <cstring>

#include "core/call.hpp"
#include "core/xlat.hpp"
#include "decode/common.hpp"
#include "decode/signal/siginfo.hpp"

namespace sct {

namespace {

// A siginfo the tracee passes or the kernel filled, or its address.
Value siginfo_at(Call& c, uint64_t addr) {
  if (addr == 0) return Ptr{0};
  auto si = c.read<siginfo_t>(addr);
  if (!si) return c.ptr(addr);
  return decode_siginfo(*si);
}

}  // namespace

bool decode_rt_sigpending(Call& c) {
  if (c.entering()) return false;
  uint64_t addr = c.arg(0), size = c.arg(1);
  // The kernel accepts any size up to a sigset's and writes that many bytes;
  // a 4-byte set prints as one of 32 signals.
  if (c.failed() || addr == 0) {
    c.push(c.ptr(addr));
  } else if (size == 4) {
    uint32_t word = 0;
    uint64_t words[1] = {};
    if (c.fetch(addr, &word, sizeof word)) {
      words[0] = word;
      c.push(sigset_value(words, 4));
    } else {
      c.push(c.ptr(addr));
    }
  } else {
    c.push(sigset_at(c, addr, size));
  }
  c.push(Uint{size});
  return true;
}

bool decode_rt_sigsuspend(Call& c) {
  c.push(sigset_at(c, c.arg(0), c.arg(1)));
  c.push(Uint{c.arg(1)});
  return true;
}

bool decode_rt_sigtimedwait(Call& c) {
  if (c.entering()) {
    c.push(sigset_at(c, c.arg(0), c.arg(3)));
    return false;
  }
  // The info is written only when a signal was taken; the timeout is read.
  c.push(c.failed() ? c.ptr(c.arg(1)) : siginfo_at(c, c.arg(1)));
  c.push(timespec_at(c, c.arg(2)));
  c.push(Uint{c.arg(3)});
  // A signal number is named; anything else (an injected retval=) is not.
  if (!c.failed() && c.ret() >= 1 && c.ret() <= 64) c.set_ret_aux(Sym{signal_name(static_cast<int>(c.ret()))});
  return true;
}

bool decode_rt_sigqueueinfo(Call& c) {
  c.push(Int{c.iarg(0)});
  c.push(signal_value(c.iarg(1)));
  c.push(siginfo_at(c, c.arg(2)));
  return true;
}

}  // namespace sct
