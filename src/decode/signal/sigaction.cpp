// rt_sigaction, rt_sigprocmask, rt_sigreturn.
#include <signal.h>

#include <cstddef>

#include "core/call.hpp"
#include "core/xlat.hpp"
#include "decode/common.hpp"

namespace sct {

namespace {

// The kernel's struct sigaction on x86_64 (arch/x86/include/uapi/asm/signal.h).
struct KernelSigaction {
  uint64_t handler;
  uint64_t flags;
  uint64_t restorer;
  uint64_t mask;
};

constexpr XlatEntry kSaFlags[] = {
    XLAT_PAIR(0x04000000, "SA_RESTORER"), XLAT(SA_ONSTACK), XLAT(SA_RESTART),
    XLAT_PAIR(0x20000000, "SA_INTERRUPT"), XLAT(SA_NODEFER), XLAT(SA_RESETHAND),
    XLAT(SA_SIGINFO), XLAT(SA_NOCLDSTOP), XLAT(SA_NOCLDWAIT),
};
constexpr XlatEntry kHow[] = {XLAT(SIG_BLOCK), XLAT(SIG_UNBLOCK), XLAT(SIG_SETMASK)};
constexpr uint64_t kSaRestorer = 0x04000000;

Value handler_value(uint64_t h) {
  if (h == 0) return Sym{"SIG_DFL", "SigHandlers", 0};
  if (h == 1) return Sym{"SIG_IGN", "SigHandlers", 1};
  if (h == ~uint64_t{0}) return Sym{"SIG_ERR", "SigHandlers", -1};
  return Hex{h};
}

Value sigaction_at(Call& c, uint64_t addr) {
  if (addr == 0) return Ptr{0};
  auto sa = c.read<KernelSigaction>(addr);
  if (!sa) return Ptr{addr};
  Struct s;
  s.fields.push_back({"sa_handler", handler_value(sa->handler)});
  s.fields.push_back({"sa_mask", sigset_value(&sa->mask, 8)});
  s.fields.push_back({"sa_flags", flags_of(XSET(kSaFlags), sa->flags)});
  if (sa->flags & kSaRestorer) s.fields.push_back({"sa_restorer", Hex{sa->restorer}});
  return s;
}

// Where the signal mask sits in the frame rt_sigreturn consumes: the
// handler's return popped pretcode, so the stack pointer is at the ucontext,
// and uc_sigmask follows uc_flags, uc_link, uc_stack and uc_mcontext
// (asm/ucontext.h, asm/sigcontext.h).
constexpr uint64_t kUcSigmaskOffset = 8 + 8 + 24 + 256;

}  // namespace

bool decode_rt_sigaction(Call& c) {
  if (c.entering()) {
    c.push(signal_value(c.iarg(0)));
    c.push(sigaction_at(c, c.arg(1)));
    return false;
  }
  c.push(c.failed() && c.arg(2) ? c.ptr(c.arg(2)) : sigaction_at(c, c.arg(2)));
  c.push(Uint{c.arg(3)});
  return true;
}

bool decode_rt_sigprocmask(Call& c) {
  if (c.entering()) {
    c.push(xlat_value(XSET(kHow), c.uarg(0), "SIG_???"));
    c.push(sigset_at(c, c.arg(1), c.arg(3)));
    return false;
  }
  c.push(c.failed() && c.arg(2) ? c.ptr(c.arg(2)) : sigset_at(c, c.arg(2), c.arg(3)));
  c.push(Uint{c.arg(3)});
  return true;
}

bool decode_rt_sigreturn(Call& c) {
  uint64_t mask;
  if (c.sp() && c.mem().read(c.sp() + kUcSigmaskOffset, &mask, sizeof mask))
    c.push(Struct{{{"mask", sigset_value(&mask, 8)}}});
  else
    c.push(Struct{{{"mask", Ptr{c.sp() + kUcSigmaskOffset}}}});
  return true;
}

}  // namespace sct
