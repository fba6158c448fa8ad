// The generic decoder, driven by a row's argument types, and the dispatch to
// a row's hand-written decoder: the only place that knows both.
#include "decode/dispatch.hpp"

#include <array>

#include "core/arg_sets.hpp"
#include "core/struct_value.hpp"
#include "core/text_render.hpp"
#include "core/xlat.hpp"
#include "decode/common.hpp"

namespace sct {

// Every Custom row names a decode_<name> function; a missing one fails the link.
#define SC(nr, name, nargs, classes, ret, dec, ...) SC_DECLARE_##dec(name)
#define SC_DECLARE_Generic(name)
#define SC_DECLARE_Custom(name) bool decode_##name(Call&);
#include "syscalls/x86_64.def"
#undef SC
#undef SC_DECLARE_Generic
#undef SC_DECLARE_Custom

namespace {

// The hand-written decoder of each Custom row, by number.
struct CustomRow {
  long nr;
  DecodeFn fn;
};
#define SC(nr, name, nargs, classes, ret, dec, ...) SC_ROW_##dec(nr, name)
#define SC_ROW_Generic(nr, name)
#define SC_ROW_Custom(nr, name) CustomRow{nr, &decode_##name},
constexpr CustomRow kCustom[] = {
#include "syscalls/x86_64.def"
};
#undef SC
#undef SC_ROW_Generic
#undef SC_ROW_Custom

}  // namespace

DecodeFn custom_decoder(long nr) {
  // Indexed by number: this runs for every decoded call.
  static const auto table = [] {
    std::array<DecodeFn, 1024> t{};
    for (const CustomRow& r : kCustom) t[static_cast<size_t>(r.nr)] = r.fn;
    return t;
  }();
  return nr >= 0 && static_cast<size_t>(nr) < table.size() ? table[static_cast<size_t>(nr)] : nullptr;
}

namespace {

// The register's low bits that the kernel reads for argument i (zero-extended).
uint64_t kernel_reads(const Call& c, int i) {
  unsigned bits = kernel_bits(*c.info(), i);
  uint64_t reg = c.arg(i);
  return bits >= 64 ? reg : reg & ((uint64_t{1} << bits) - 1);
}

// Int, Uint, Fd, Pid, ... take the low 32 bits by their print kind. Hex and
// Mode take the width of the argument's C type: the kernel, and strace, ignore
// the rest (chmod's umode_t is 16 bits). Ulong prints the whole register
// whatever the C type, as strace does (readlink's int bufsiz, socketpair's
// int protocol print as %lu of the register).
Value generic_arg(Call& c, ArgT t, int i) {
  switch (t) {
    case ArgT::Int: return Int{c.iarg(i)};
    case ArgT::Uint: return Uint{c.uarg(i)};
    case ArgT::Long: return Int{c.sarg(i)};
    case ArgT::Ulong: return Uint{c.arg(i)};
    case ArgT::Hex: return Hex{kernel_reads(c, i)};
    case ArgT::Ptr: return c.ptr(c.arg(i));
    case ArgT::Fd: return c.fd(c.iarg(i));
    case ArgT::DirFd: return c.dirfd(c.iarg(i));
    case ArgT::Path: return c.path(c.arg(i));
    case ArgT::Str: return c.cstr(c.arg(i));
    case ArgT::Mode: return Oct{static_cast<unsigned>(kernel_reads(c, i))};
    case ArgT::Pid: return c.pid(c.iarg(i));
    case ArgT::Pgid: return c.pid(c.iarg(i), true);
    case ArgT::Uid:
      if (c.uarg(i) == UINT_MAX) return Int{-1};
      return Uint{c.uarg(i)};
    case ArgT::Signo: return signal_value(c.iarg(i));
    case ArgT::OpenFlags: return open_flags_value(c.uarg(i));
    case ArgT::AtFlags: return flags_of(XSET(kAtFlags), c.uarg(i));
    case ArgT::BufIn: return c.buf(c.arg(i), i + 1 < 6 ? c.arg(i + 1) : 0);
    case ArgT::BufOutRet: return c.buf_out(c.arg(i), static_cast<uint64_t>(c.ret()));
    case ArgT::Clockid: return xlat_value(XSET(kClockIds), c.uarg(i), "CLOCK_???");
    case ArgT::Set: return arg_set_value(c.info()->sets[static_cast<size_t>(i)], kernel_reads(c, i));
    case ArgT::Addr: return c.ptr(c.arg(i));
    case ArgT::AddrHex: return Hex{c.arg(i)};
    case ArgT::Dev: return makedev_value(c.uarg(i));
    case ArgT::Struct: {
      // What the call wrote is there only when it succeeded.
      auto k = static_cast<size_t>(i);
      if (c.info()->dirs[k] == Dir::Out && c.failed()) return c.ptr(c.arg(i));
      int8_t n = c.info()->counts[k];
      // strace's -e verbose= off: the struct's address.
      if (!c.opts().structs && c.arg(i)) return c.ptr(c.arg(i));
      if (n == kCountNone) return struct_value(c.mem(), c.info()->structs[k], c.arg(i));
      uint64_t count = n == kCountRet           ? static_cast<uint64_t>(c.ret())
                       : count_is_fixed(n)       ? static_cast<uint64_t>(n - kCountFixed)
                       : n >= 0 && n < 6         ? kernel_reads(c, n)
                                                 : 0;
      return struct_array_value(c.mem(), c.info()->structs[k], c.arg(i), count, c.opts().max_strlen);
    }
    case ArgT::Argv:
    case ArgT::Envp:  // only execve's decoder prints them
    case ArgT::IovIn:
    case ArgT::IovOutRet:
    case ArgT::EpollRet:
    case ArgT::DirentsRet:
    case ArgT::MsgIn:
    case ArgT::MsgOutRet: return c.ptr(c.arg(i));  // only their calls' decoders print them
  }
  return Hex{c.arg(i)};
}

// Arguments before the first out-argument print at entry, the rest at exit.
bool decode_generic(Call& c, size_t& next) {
  const SyscallInfo* si = c.info();
  for (; next < si->nargs; ++next) {
    ArgT t = si->args[next];
    if (c.entering() && (t == ArgT::BufOutRet || (t == ArgT::Struct && si->dirs[next] == Dir::Out)))
      return false;
    c.push(generic_arg(c, t, static_cast<int>(next)));
  }
  return true;
}

bool run_decoder(pid_t pid, DecodedCall& d, Memory& mem, const DecodeOptions& opts, bool exiting) {
  Call c(pid, d, mem, opts, exiting);
  if (!d.info) {
    // Unknown numbers print all six arguments in hex, as strace does.
    for (int i = 0; i < 6; ++i) c.push(Hex{d.args[i]});
    return true;
  }
  if (d.info->dec == Dec::Custom) return custom_decoder(d.nr)(c);
  size_t next = d.values.size();
  return decode_generic(c, next);
}

}  // namespace

void decode_entry(pid_t pid, DecodedCall& d, Memory& mem, const DecodeOptions& opts) {
  d.arity = d.info ? d.info->nargs : 6;
  d.exit_pending = !run_decoder(pid, d, mem, opts, false);
  d.entry_values = d.values.size();
  // A decoder done at entry has shown every argument the call takes.
  if (!d.exit_pending) d.arity = static_cast<uint8_t>(d.entry_values);
}

void decode_exit(pid_t pid, DecodedCall& d, Memory& mem, const DecodeOptions& opts) {
  d.has_exit = true;
  if (d.exit_pending) run_decoder(pid, d, mem, opts, true);
  // A time in seconds returned (time's) shows its date, as strace does,
  // but not the epoch itself (strace prints `= 0` alone).
  if (d.info && d.info->ret == Ret::Time && !d.ret_aux && !call_failed(d) && d.ret != 0) {
    std::string date = date_text(d.ret, 0);
    if (!date.empty()) d.ret_aux = Sym{std::move(date)};
  }
  // A new descriptor is shown with its path under -y, resolved now.
  if (opts.decode_fds && d.info && d.info->ret == Ret::Fd && d.ret >= 0 && !d.ret_value)
    d.ret_value = Fd{d.ret, mem.fd_path(pid, d.ret)};
  // A pid returned is named under -Y, translated under --decode-pids=pidns.
  if ((opts.pid_comm || opts.pidns) && d.info && (d.info->ret == Ret::Pid || d.info->ret == Ret::Pgid) &&
      d.ret > 0 && !d.ret_value) {
    Value v = Call(pid, d, mem, opts, true).pid(d.ret, d.info->ret == Ret::Pgid);
    if (std::holds_alternative<Pid>(v.v)) d.ret_value = std::move(v);
  }
}


}  // namespace sct
