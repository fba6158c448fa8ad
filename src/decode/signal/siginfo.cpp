#include "decode/signal/siginfo.hpp"

#include "core/xlat.hpp"

#include <unistd.h>

#include <fmt/format.h>

namespace sct {

namespace {
constexpr XlatEntry kSiCodes[] = {
    XLAT(SI_USER), XLAT(SI_KERNEL), XLAT(SI_QUEUE), XLAT(SI_TIMER),
    XLAT(SI_MESGQ), XLAT(SI_ASYNCIO), XLAT(SI_SIGIO), XLAT(SI_TKILL),
};
constexpr XlatEntry kChldCodes[] = {
    XLAT(CLD_EXITED), XLAT(CLD_KILLED), XLAT(CLD_DUMPED),
    XLAT(CLD_TRAPPED), XLAT(CLD_STOPPED), XLAT(CLD_CONTINUED),
};
constexpr XlatEntry kSegvCodes[] = {
    XLAT(SEGV_MAPERR), XLAT(SEGV_ACCERR), XLAT(SEGV_BNDERR), XLAT(SEGV_PKUERR),
};
// CPU time in clock ticks, with seconds in a comment when there are any.
Value clock_ticks(int64_t ticks) {
  if (!ticks) return Int{0};
  static const long hz = sysconf(_SC_CLK_TCK);
  return commented(Int{ticks}, fmt::format("{}.{:02} s", ticks / hz, ticks % hz * 100 / hz));
}

}  // namespace

Value decode_siginfo(const siginfo_t& si) {
  Struct s;
  if (si.si_signo == 0) return s;  // no signal: strace prints {}
  s.fields.push_back({"si_signo", signal_value(si.si_signo)});
  if (si.si_errno) s.fields.push_back({"si_errno", Int{si.si_errno}});
  // SI_KERNEL (0x80) is the one positive code of the generic set: a signal
  // the kernel sends itself (a tracer's injected one, a general protection
  // fault's SIGSEGV).
  const char* code = si.si_code <= 0 || si.si_code == SI_KERNEL
                         ? xlat_name(kSiCodes, static_cast<uint64_t>(si.si_code)) : nullptr;
  if (!code && si.si_code > 0 && si.si_signo == SIGCHLD) code = xlat_name(kChldCodes, si.si_code);
  if (!code && si.si_code > 0 && si.si_signo == SIGSEGV) code = xlat_name(kSegvCodes, si.si_code);
  if (code) s.fields.push_back({"si_code", Sym{code, "SiCodes", si.si_code}});
  else s.fields.push_back({"si_code", Int{si.si_code}});
  if (si.si_code == SI_TIMER) {
    // A POSIX timer's expiry (timeout(1), tail -f): its id, overruns and
    // the value timer_create gave it, shown even when zero.
    s.fields.push_back({"si_timerid", Hex{static_cast<uint32_t>(si.si_timerid)}});
    s.fields.push_back({"si_overrun", Int{si.si_overrun}});
    s.fields.push_back({"si_int", Int{si.si_int}});
    s.fields.push_back({"si_ptr", Ptr{reinterpret_cast<uint64_t>(si.si_ptr)}});
  } else if (si.si_code <= 0) {
    s.fields.push_back({"si_pid", Int{si.si_pid}});
    s.fields.push_back({"si_uid", Uint{si.si_uid}});
    // sigqueue's value, as an int and as a pointer; strace leaves out a zero one.
    if (si.si_code == SI_QUEUE && si.si_ptr) {
      s.fields.push_back({"si_int", Int{si.si_int}});
      s.fields.push_back({"si_ptr", Ptr{reinterpret_cast<uint64_t>(si.si_ptr)}});
    }
  } else if (si.si_signo == SIGCHLD) {
    s.fields.push_back({"si_pid", Int{si.si_pid}});
    s.fields.push_back({"si_uid", Uint{si.si_uid}});
    if (si.si_code == CLD_EXITED) s.fields.push_back({"si_status", Int{si.si_status}});
    else s.fields.push_back({"si_status", signal_value(si.si_status)});
    s.fields.push_back({"si_utime", clock_ticks(si.si_utime)});
    s.fields.push_back({"si_stime", clock_ticks(si.si_stime)});
  } else if (si.si_signo == SIGSEGV || si.si_signo == SIGBUS || si.si_signo == SIGILL ||
             si.si_signo == SIGFPE) {
    s.fields.push_back({"si_addr", Ptr{reinterpret_cast<uint64_t>(si.si_addr)}});
  }
  return s;
}

}  // namespace sct
