// prctl: one call of many commands. Which arguments strace shows, how, and
// whether at entry or at exit depends on the option; the options it does not
// know show all four arguments in hex.
#include <linux/prctl.h>
#include <linux/seccomp.h>

#include <cstdint>

#include <fmt/format.h>

#include "core/call.hpp"
#include "core/xlat.hpp"
#include "decode/process/prctl_names.hpp"

namespace sct {

namespace {

using namespace prctl_names;

constexpr size_t kTaskCommLen = 16;  // TASK_COMM_LEN (include/linux/sched.h)
constexpr uint64_t kMteTagMask = PR_MTE_TAG_MASK;

void push_hex(Call& c, int from) {
  for (int i = from; i < 5; ++i) c.push(Hex{c.arg(i)});
}

// A signal that is an unsigned long: its name, else the number in decimal.
Value ulong_signal(uint64_t v) {
  if (v >= 1 && v <= 64) return signal_value(static_cast<int64_t>(v));
  return Uint{v};
}

// The task name: the kernel takes at most TASK_COMM_LEN - 1 bytes.
// `given`: PR_SET_NAME's, which strace 6.1 reads 15 bytes of and shows cut
// unless it ended within them ("exactly15chars!"...); the kernel's answer
// to PR_GET_NAME is whole.
Value comm_name(Call& c, uint64_t addr, bool given) {
  if (addr == 0) return Ptr{0};
  bool terminated = false;
  auto s = c.mem().read_cstr(addr, kTaskCommLen - 1, &terminated);
  if (!s) return c.ptr(addr);
  const bool cut = !terminated || (given && s->size() >= kTaskCommLen - 1);
  return Str{std::move(*s), cut};
}

// [value] of the int the kernel stored at exit, or the address.
template <class F>
Value int_out(Call& c, uint64_t addr, F shown) {
  auto v = c.failed() ? std::nullopt : c.read<int>(addr);
  if (!v) return c.ptr(addr);
  return Array{{shown(*v)}};
}

// struct sock_fprog {len=N, filter=0x...}; its instructions are not decoded.
Value fprog_at(Call& c, uint64_t addr) {
  struct Fprog {
    unsigned short len;
    uint64_t filter;
  };
  auto p = c.read<Fprog>(addr);
  if (!p) return c.ptr(addr);
  return Struct{{{"len", Uint{p->len}}, {"filter", c.ptr(p->filter)}}};
}

// PR_SET_TAGGED_ADDR_CTRL: the enable bit, named even when clear, the
// check mode field by name, the tag mask field, then unknown bits.
Value tagged_addr(uint64_t v) {
  Flags f;
  f.set = "TaggedAddrCtrl";
  f.raw = v;
  f.names.emplace_back((v & PR_TAGGED_ADDR_ENABLE) ? "PR_TAGGED_ADDR_ENABLE" : "!PR_TAGGED_ADDR_ENABLE");
  f.names.emplace_back(xlat_name(XSET(kMteTcf), v & PR_MTE_TCF_MASK));
  if (uint64_t tag = (v & kMteTagMask) >> PR_MTE_TAG_SHIFT) {
    f.names.push_back(fmt::format("{:#x}<<PR_MTE_TAG_SHIFT", tag));
  }
  f.residue = v & ~(PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_MASK | kMteTagMask);
  return f;
}

// The getters whose return value strace explains. The explanation is text,
// shown whatever -X says (a dumpable mode), or flags that -X raw leaves out.
void decorate_return(Call& c, unsigned opt) {
  if (c.failed()) return;
  const auto r = static_cast<uint64_t>(c.ret());
  switch (opt) {
    case PR_GET_DUMPABLE:
      if (const char* n = xlat_name(XSET(kSuidDump), r)) c.set_ret_aux(Sym{n});
      break;
    case PR_MCE_KILL_GET:
      if (const char* n = xlat_name(XSET(kMceKillPolicy), r)) c.set_ret_aux(Sym{n});
      break;
    case PR_GET_SECUREBITS:
    case PR_GET_SPECULATION_CTRL:
    case PR_GET_FP_MODE:
      if (r == 0) break;
      c.set_ret(Hex{r});
      if (c.opts().xlat == XlatStyle::Raw) break;
      c.set_ret_aux(Sym{render_flags_text(flags_of(opt == PR_GET_SECUREBITS        ? XSET(kSecureBits)
                                                   : opt == PR_GET_SPECULATION_CTRL ? XSET(kSpecGet)
                                                                                    : XSET(kFpMode),
                                                   r))});
      break;
    case PR_GET_TIMERSLACK: c.set_ret(Uint{r}); break;
    default: break;
  }
}

// PR_SVE_SET_VL, PR_SME_SET_VL: the flags and the vector length; a bare
// length is a number under every -X.
Value vector_length(Xlat t, uint64_t v) {
  Flags f = flags_of(t, v);
  if (f.names.empty()) return Hex{v};
  return f;
}

// A pid type: its number with the name in a comment, which -X raw drops
// (as it drops the comment of an unknown value).
Value pid_type(uint64_t v) {
  const char* n = xlat_name(XSET(kPidType), v);
  return std::make_shared<Commented>(Commented{Hex{v}, n ? n : "PIDTYPE_???", true});
}

// Entry: pushes the arguments shown at entry; true when nothing is left for
// the exit.
bool entry(Call& c, unsigned opt) {
  switch (opt) {
    case PR_GET_DUMPABLE:
    case PR_GET_KEEPCAPS:
    case PR_GET_SECCOMP:
    case PR_GET_TIMING:
    case PR_GET_TIMERSLACK:
    case PR_GET_SECUREBITS:
    case PR_GET_FP_MODE:
    case PR_SVE_GET_VL:
    case PR_SME_GET_VL:
    case PR_TASK_PERF_EVENTS_DISABLE:
    case PR_TASK_PERF_EVENTS_ENABLE:
      c.args_done();
      return false;
    case PR_SET_PDEATHSIG: c.push(ulong_signal(c.arg(1))); break;
    case PR_SET_DUMPABLE: c.push(xlat_value(XSET(kSuidDump), c.arg(1), "SUID_DUMP_???")); break;
    case PR_SET_UNALIGN: c.push(flags_value(XSET(kUnalign), c.arg(1), "PR_UNALIGN_???")); break;
    case PR_SET_KEEPCAPS:
    case PR_SET_FPEMU:
    case PR_SET_FPEXC:
    case PR_SET_TIMING:
    case PR_SET_ENDIAN:
    case PR_SET_CHILD_SUBREAPER:
      c.push(Uint{c.arg(1)});
      break;
    case PR_SET_TIMERSLACK: c.push(Int{c.sarg(1)}); break;
    case PR_SET_NAME: c.push(comm_name(c, c.arg(1), true)); break;
    case PR_SET_SECCOMP:
      c.push(xlat_value(XSET(kSeccompMode), c.arg(1), "SECCOMP_MODE_???"));
      if (c.arg(1) == SECCOMP_MODE_FILTER) {
        c.push(fprog_at(c, c.arg(2)));
      } else if (c.arg(1) != SECCOMP_MODE_STRICT) {
        push_hex(c, 2);
        return true;
      }
      break;
    case PR_CAPBSET_READ:
    case PR_CAPBSET_DROP: c.push(xlat_value(XSET(kCaps), c.arg(1), "CAP_???")); break;
    case PR_SET_TSC: c.push(xlat_value(XSET(kTsc), c.uarg(1), "PR_TSC_???")); break;
    case PR_SET_SECUREBITS: c.push(flags_value(XSET(kSecureBits), c.arg(1), "SECBIT_???")); break;
    case PR_SET_PTRACER:
      // An int to the kernel: -1 in its low half is "any".
      if (c.iarg(1) == -1) {
        c.push(Sym{"PR_SET_PTRACER_ANY", "PrSetPtracer", -1, NumBase::Dec});
      } else {
        c.push(Int{c.iarg(1)});
      }
      break;
    case PR_SET_FP_MODE: c.push(flags_value(XSET(kFpMode), c.arg(1), "PR_FP_MODE_???")); break;
    case PR_SVE_SET_VL: c.push(vector_length(XSET(kSveVl), c.arg(1))); break;
    case PR_SME_SET_VL: c.push(vector_length(XSET(kSmeVl), c.arg(1))); break;
    case PR_GET_SPECULATION_CTRL:
      c.push(xlat_value(XSET(kSpecWhich), c.arg(1), "PR_SPEC_???"));
      c.args_done();
      return false;
    case PR_SET_SPECULATION_CTRL:
      c.push(xlat_value(XSET(kSpecWhich), c.arg(1), "PR_SPEC_???"));
      if (xlat_name(XSET(kSpecWhich), c.arg(1))) {
        c.push(xlat_value(XSET(kSpecSet), c.arg(2), "PR_SPEC_???"));
      } else {
        c.push(Hex{c.arg(2)});
      }
      break;
    case PR_MCE_KILL:
      c.push(xlat_value(XSET(kMceKill), c.arg(1), "PR_MCE_KILL_???"));
      if (c.arg(1) == PR_MCE_KILL_SET) {
        c.push(xlat_value(XSET(kMceKillPolicy), c.arg(2), "PR_MCE_KILL_???"));
      } else {
        c.push(Hex{c.arg(2)});
      }
      push_hex(c, 3);
      return true;
    case PR_MCE_KILL_GET: push_hex(c, 1); return false;
    case PR_SET_MM:
      c.push(xlat_value(XSET(kSetMm), c.arg(1), "PR_SET_MM_???"));
      push_hex(c, 2);
      return true;
    case PR_CAP_AMBIENT:
      c.push(xlat_value(XSET(kCapAmbient), c.arg(1), "PR_CAP_AMBIENT_???"));
      if (c.arg(1) == PR_CAP_AMBIENT_IS_SET || c.arg(1) == PR_CAP_AMBIENT_RAISE ||
          c.arg(1) == PR_CAP_AMBIENT_LOWER) {
        c.push(xlat_value(XSET(kCaps), c.arg(2), "CAP_???"));
      } else {
        c.push(Hex{c.arg(2)});
      }
      push_hex(c, 3);
      return true;
    case PR_SET_NO_NEW_PRIVS:
    case PR_SET_THP_DISABLE:
    case PR_SET_IO_FLUSHER:
      c.push(Uint{c.arg(1)});
      push_hex(c, 2);
      return true;
    case PR_GET_NO_NEW_PRIVS:
    case PR_GET_THP_DISABLE:
    case PR_GET_IO_FLUSHER:
    case PR_GET_TAGGED_ADDR_CTRL:
    case PR_PAC_GET_ENABLED_KEYS:
    case PR_MPX_ENABLE_MANAGEMENT:
    case PR_MPX_DISABLE_MANAGEMENT:
      push_hex(c, 1);
      return true;
    case PR_PAC_RESET_KEYS:
      c.push(flags_value(XSET(kPacKeys), c.arg(1), "PR_PAC_???"));
      push_hex(c, 2);
      return true;
    case PR_PAC_SET_ENABLED_KEYS:
      c.push(flags_value(XSET(kPacKeys), c.arg(1), "PR_PAC_???"));
      c.push(flags_value(XSET(kPacKeys), c.arg(2), "PR_PAC_???"));
      push_hex(c, 3);
      return true;
    case PR_SET_TAGGED_ADDR_CTRL:
      c.push(tagged_addr(c.arg(1)));
      push_hex(c, 2);
      return true;
    case PR_SET_SYSCALL_USER_DISPATCH:
      c.push(xlat_value(XSET(kSysDispatch), c.arg(1), "PR_SYS_DISPATCH_???"));
      c.push(Hex{c.arg(2)});
      c.push(Hex{c.arg(3)});
      // The selector byte's address, for the known modes.
      c.push(xlat_name(XSET(kSysDispatch), c.arg(1)) ? c.ptr(c.arg(4)) : Value(Hex{c.arg(4)}));
      return true;
    case PR_SCHED_CORE: {
      c.push(xlat_value(XSET(kSchedCore), c.arg(1), "PR_SCHED_CORE_???"));
      c.push(Int{c.iarg(2)});
      c.push(pid_type(c.arg(3)));
      if (c.arg(1) == PR_SCHED_CORE_GET) return false;  // the cookie, at exit
      c.push(c.ptr(c.arg(4)));
      return true;
    }
    case PR_SET_VMA:
      c.push(xlat_value(XSET(kSetVma), c.arg(1), "PR_SET_VMA_???"));
      if (c.arg(1) == PR_SET_VMA_ANON_NAME) {
        c.push(Hex{c.arg(2)});
        c.push(Uint{c.arg(3)});
        c.push(c.cstr(c.arg(4)));
      } else {
        push_hex(c, 2);
      }
      return true;
    case PR_GET_PDEATHSIG:
    case PR_GET_TSC:
    case PR_GET_UNALIGN:
    case PR_GET_FPEMU:
    case PR_GET_FPEXC:
    case PR_GET_ENDIAN:
    case PR_GET_NAME:
    case PR_GET_CHILD_SUBREAPER:
    case PR_GET_TID_ADDRESS:
      return false;  // what the kernel stores, at exit
    default:
      push_hex(c, 1);
      return true;
  }
  c.args_done();
  return true;
}

// Exit: the data the getters stored through arg2.
void exit_values(Call& c, unsigned opt) {
  const uint64_t p = c.arg(1);
  switch (opt) {
    case PR_GET_PDEATHSIG: c.push(int_out(c, p, [](int v) { return signal_value(v); })); break;
    case PR_GET_TSC:
      c.push(int_out(c, p, [](int v) { return xlat_value(XSET(kTsc), static_cast<unsigned>(v), "PR_TSC_???"); }));
      break;
    case PR_GET_UNALIGN:
      c.push(int_out(c, p, [](int v) {
        return flags_value(XSET(kUnalign), static_cast<unsigned>(v), "PR_UNALIGN_???");
      }));
      break;
    case PR_GET_FPEMU:
    case PR_GET_FPEXC:
    case PR_GET_ENDIAN:
    case PR_GET_CHILD_SUBREAPER: c.push(int_out(c, p, [](int v) { return Value(Int{v}); })); break;
    case PR_GET_NAME: c.push(c.failed() ? c.ptr(p) : comm_name(c, p, false)); break;
    case PR_GET_TID_ADDRESS: {
      auto v = c.failed() ? std::nullopt : c.read<uint64_t>(p);
      c.push(v ? Value(Array{{c.ptr(*v)}}) : c.ptr(p));
      break;
    }
    case PR_SCHED_CORE: {
      auto v = c.failed() ? std::nullopt : c.read<uint64_t>(c.arg(4));
      c.push(v ? Value(Array{{Hex{*v}}}) : c.ptr(c.arg(4)));
      return;  // all four arguments
    }
    default: return;
  }
  c.args_done();
}

}  // namespace

bool decode_prctl(Call& c) {
  const unsigned opt = c.uarg(0);  // an int to the kernel
  if (c.entering()) {
    c.push(xlat_value(XSET(kPrctlOptions), opt, "PR_???"));
    return entry(c, opt);
  }
  exit_values(c, opt);
  decorate_return(c, opt);
  return true;
}

}  // namespace sct
