// rt_tgsigqueueinfo, pidfd_send_signal: a signal with the siginfo to send.
#include <signal.h>

#include "core/arg_sets.hpp"
#include "core/call.hpp"
#include "core/xlat.hpp"
#include "decode/signal/siginfo.hpp"

namespace sct {

namespace {
// The siginfo the call reads, or its address when it cannot be read.
Value siginfo_in(Call& c, uint64_t addr) {
  auto si = c.read<siginfo_t>(addr);
  return si ? decode_siginfo(*si) : c.ptr(addr);
}
}  // namespace

bool decode_rt_tgsigqueueinfo(Call& c) {
  c.push(Int{c.iarg(0)});
  c.push(Int{c.iarg(1)});
  c.push(signal_value(c.iarg(2)));
  c.push(siginfo_in(c, c.arg(3)));
  return true;
}

bool decode_pidfd_send_signal(Call& c) {
  c.push(c.fd(c.iarg(0)));
  c.push(signal_value(c.iarg(1)));
  c.push(siginfo_in(c, c.arg(2)));
  c.push(arg_set_value(c.info()->sets[3], c.uarg(3)));
  return true;
}

}  // namespace sct
