// fcntl, dup3, pipe, pipe2.
#include "decode/desc/fcntl.hpp"

#include <fcntl.h>
#include <sys/syscall.h>

#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {

constexpr XlatEntry kFcntlCmds[] = {
    XLAT(F_DUPFD), XLAT(F_GETFD), XLAT(F_SETFD), XLAT(F_GETFL), XLAT(F_SETFL), XLAT(F_GETLK),
    XLAT(F_SETLK), XLAT(F_SETLKW), XLAT(F_SETOWN), XLAT(F_GETOWN), XLAT(F_SETSIG), XLAT(F_GETSIG),
    XLAT(F_SETOWN_EX), XLAT(F_GETOWN_EX), XLAT(F_OFD_GETLK), XLAT(F_OFD_SETLK), XLAT(F_OFD_SETLKW),
    XLAT(F_SETLEASE), XLAT(F_GETLEASE), XLAT(F_NOTIFY), XLAT(F_DUPFD_CLOEXEC), XLAT(F_SETPIPE_SZ),
    XLAT(F_GETPIPE_SZ), XLAT(F_ADD_SEALS), XLAT(F_GET_SEALS),
};
constexpr XlatEntry kFdFlags[] = {XLAT(FD_CLOEXEC)};
constexpr XlatEntry kLockTypes[] = {XLAT(F_RDLCK), XLAT(F_WRLCK), XLAT(F_UNLCK)};
constexpr XlatEntry kWhence[] = {XLAT(SEEK_SET), XLAT(SEEK_CUR), XLAT(SEEK_END)};
constexpr XlatEntry kSeals[] = {
    XLAT(F_SEAL_SEAL), XLAT(F_SEAL_SHRINK), XLAT(F_SEAL_GROW), XLAT(F_SEAL_WRITE),
    XLAT(F_SEAL_FUTURE_WRITE)};
constexpr XlatEntry kPipeFlags[] = {XLAT(O_NONBLOCK), XLAT(O_CLOEXEC), XLAT(O_DIRECT)};
constexpr XlatEntry kDup3Flags[] = {XLAT(O_CLOEXEC)};

Value flock_value(Call& c, uint64_t addr) {
  auto fl = c.read<struct flock>(addr);
  if (!fl) return c.ptr(addr);
  Struct s;
  s.fields.push_back({"l_type", xlat_value(XSET(kLockTypes), static_cast<uint16_t>(fl->l_type), "F_???")});
  s.fields.push_back({"l_whence", xlat_value(XSET(kWhence), static_cast<uint16_t>(fl->l_whence), "SEEK_???")});
  s.fields.push_back({"l_start", Int{fl->l_start}});
  s.fields.push_back({"l_len", Int{fl->l_len}});
  if (c.exiting()) s.fields.push_back({"l_pid", Int{fl->l_pid}});
  return s;
}

Value fd_pair(Call& c, uint64_t addr) {
  if (c.failed()) return c.ptr(addr);
  int fds[2];
  if (!c.fetch(addr, fds, sizeof fds)) return c.ptr(addr);
  return Array{{c.fd(fds[0]), c.fd(fds[1])}};
}

}  // namespace

bool fcntl_dups(int cmd) { return cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC; }

bool fcntl_returns_dup(const DecodedCall& d) {
  return d.nr == __NR_fcntl && fcntl_dups(static_cast<int>(d.args[1]));
}

bool decode_fcntl(Call& c) {
  int cmd = c.iarg(1);
  if (c.entering()) {
    c.push(c.fd(c.iarg(0)));
    c.push(xlat_value(XSET(kFcntlCmds), static_cast<uint32_t>(cmd), "F_???"));
    switch (cmd) {
      case F_SETFD: c.push(flags_of(XSET(kFdFlags), c.uarg(2))); break;
      case F_SETFL: c.push(open_flags_value(c.uarg(2))); break;
      case F_DUPFD:
      case F_DUPFD_CLOEXEC: c.push(Int{c.iarg(2)}); return false;  // a descriptor comes back
      case F_SETOWN:
      case F_SETPIPE_SZ:
      case F_SETLEASE:
      case F_NOTIFY: c.push(Int{c.iarg(2)}); break;
      case F_SETSIG: c.push(signal_value(c.iarg(2))); break;
      case F_ADD_SEALS: c.push(flags_of(XSET(kSeals), c.uarg(2))); break;
      case F_SETLK:
      case F_SETLKW:
      case F_OFD_SETLK:
      case F_OFD_SETLKW: c.push(flock_value(c, c.arg(2))); break;
      case F_GETLK:
      case F_OFD_GETLK: return false;
      case F_GETFD:
      case F_GETFL:
      case F_GET_SEALS: c.args_done(); return false;
      case F_GETOWN:
      case F_GETSIG:
      case F_GETPIPE_SZ:
      case F_GETLEASE: break;
      default: c.push(Hex{c.arg(2)}); break;
    }
    // The new descriptor is shown at exit with its path under -y.
    return !fcntl_dups(cmd);
  }
  if (fcntl_dups(cmd)) {
    // The new descriptor, with its path under -y, as strace shows it.
    if (!c.failed()) c.set_ret(c.fd(c.ret()));
    return true;
  }
  if (cmd == F_GETLK || cmd == F_OFD_GETLK) {
    // The lock comes back filled in.
    c.push(c.failed() ? c.ptr(c.arg(2)) : flock_value(c, c.arg(2)));
    return true;
  }
  if (c.failed()) return true;
  // The flags a getter returns are named after the value.
  uint64_t r = static_cast<uint64_t>(c.ret());
  Value names = cmd == F_GETFD ? Value(flags_of(XSET(kFdFlags), r))
              : cmd == F_GETFL ? open_flags_value(r)
                               : Value(flags_of(XSET(kSeals), r));
  c.set_ret(Hex{r});
  if (std::get<Flags>(names.v).names.empty() && r == 0) return true;
  // strace 6.1 names F_GETFL's flags here even under -X raw (not F_GETFD's).
  if (cmd == F_GETFL) {
    Flags& f = std::get<Flags>(names.v);
    f.parts = {Sym{render_flags_text(f), {}, 0, NumBase::Text}};
  }
  c.set_ret_aux(Outcome{{{"flags", std::move(names)}}});
  return true;
}

bool decode_dup3(Call& c) {
  c.push(c.fd(c.iarg(0)));
  c.push(c.fd(c.iarg(1)));
  c.push(flags_of(XSET(kDup3Flags), c.uarg(2)));
  return true;
}

bool decode_pipe(Call& c) {
  if (c.entering()) return false;
  c.push(fd_pair(c, c.arg(0)));
  return true;
}

bool decode_pipe2(Call& c) {
  if (c.entering()) return false;
  c.push(fd_pair(c, c.arg(0)));
  c.push(flags_of(XSET(kPipeFlags), c.uarg(1)));
  return true;
}

}  // namespace sct
