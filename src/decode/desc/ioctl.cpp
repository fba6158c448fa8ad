// ioctl: terminal and file requests by name, the rest as _IOC(...).
#include <asm/ioctls.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <termios.h>

#include <fmt/format.h>

#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {

constexpr XlatEntry kIoctls[] = {
    XLAT(TCGETS), XLAT(TCSETS), XLAT(TCSETSW), XLAT(TCSETSF), XLAT(TCGETA), XLAT(TCSETA),
    XLAT(TCSETAW), XLAT(TCSETAF), XLAT(TCSBRK), XLAT(TCXONC), XLAT(TCFLSH), XLAT(TIOCEXCL),
    XLAT(TIOCNXCL), XLAT(TIOCSCTTY), XLAT(TIOCGPGRP), XLAT(TIOCSPGRP), XLAT(TIOCOUTQ),
    XLAT(TIOCSTI), XLAT(TIOCGWINSZ), XLAT(TIOCSWINSZ), XLAT(TIOCMGET), XLAT(TIOCMBIS),
    XLAT(TIOCMBIC), XLAT(TIOCMSET), XLAT(TIOCGSOFTCAR), XLAT(TIOCSSOFTCAR), XLAT(FIONREAD),
    XLAT(TIOCLINUX), XLAT(TIOCCONS), XLAT(TIOCGSERIAL), XLAT(TIOCSSERIAL), XLAT(TIOCPKT),
    XLAT(FIONBIO), XLAT(TIOCNOTTY), XLAT(TIOCSETD), XLAT(TIOCGETD), XLAT(TCSBRKP),
    XLAT(TIOCSBRK), XLAT(TIOCCBRK), XLAT(TIOCGSID), XLAT(TIOCGPTN), XLAT(TIOCSPTLCK),
    XLAT(TIOCGDEV), XLAT(TIOCSIG), XLAT(TIOCVHANGUP), XLAT(TIOCGPKT), XLAT(TIOCGPTLCK),
    XLAT(TIOCGEXCL), XLAT(TIOCGPTPEER), XLAT(FIONCLEX), XLAT(FIOCLEX), XLAT(FIOASYNC),
    XLAT(TIOCSERCONFIG), XLAT(TIOCSERGWILD), XLAT(TIOCSERSWILD), XLAT(TIOCGLCKTRMIOS),
    XLAT(TIOCSLCKTRMIOS), XLAT(TIOCSERGSTRUCT), XLAT(TIOCSERGETLSR), XLAT(FIOQSIZE),
    XLAT(FIGETBSZ), XLAT(FIBMAP), XLAT(FS_IOC_GETFLAGS), XLAT(FS_IOC_SETFLAGS),
    XLAT(FS_IOC_GETVERSION), XLAT_PAIR(FICLONE, "BTRFS_IOC_CLONE or FICLONE"), XLAT(FIFREEZE), XLAT(FITHAW),
    XLAT(BLKGETSIZE64), XLAT(BLKSSZGET), XLAT(BLKGETSIZE),
};

constexpr XlatEntry kIocDirs[] = {
    XLAT_PAIR(_IOC_NONE, "_IOC_NONE"), XLAT_PAIR(_IOC_WRITE, "_IOC_WRITE"),
    XLAT_PAIR(_IOC_READ, "_IOC_READ"), XLAT_PAIR(_IOC_READ | _IOC_WRITE, "_IOC_READ|_IOC_WRITE")};

Value request_value(uint32_t req) {
  if (const char* n = xlat_name(kIoctls, req)) return Sym{n, "Ioctls", req};
  // The number's fields, as _IOC() would build it back.
  return Sym{fmt::format("_IOC({}, {:#x}, {:#x}, {:#x})", xlat_name(kIocDirs, _IOC_DIR(req)),
                         _IOC_TYPE(req), _IOC_NR(req), _IOC_SIZE(req)),
             "Ioctls", req};
}

// The kernel's struct termios (asm-generic/termbits.h), not glibc's larger one.
struct KernelTermios {
  uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
  uint8_t c_line;
  uint8_t c_cc[19];
};

// {B38400 opost isig icanon echo ...}: the speed and the four flags strace
// shows for a terminal without -v.
Value termios_short(const KernelTermios& t) {
  static constexpr XlatEntry kSpeeds[] = {
      XLAT(B0), XLAT(B50), XLAT(B75), XLAT(B110), XLAT(B134), XLAT(B150), XLAT(B200),
      XLAT(B300), XLAT(B600), XLAT(B1200), XLAT(B1800), XLAT(B2400), XLAT(B4800), XLAT(B9600),
      XLAT(B19200), XLAT(B38400), XLAT(B57600), XLAT(B115200), XLAT(B230400), XLAT(B460800),
      XLAT(B500000), XLAT(B576000), XLAT(B921600), XLAT(B1000000), XLAT(B1152000),
      XLAT(B1500000), XLAT(B2000000), XLAT(B2500000), XLAT(B3000000), XLAT(B3500000),
      XLAT(B4000000)};
  Struct s;
  s.spaced = true;
  s.elided = true;
  s.fields.push_back({"", xlat_value(XSET(kSpeeds), t.c_cflag & CBAUD, "")});
  if (!xlat_name(kSpeeds, t.c_cflag & CBAUD)) s.fields.back().value = Hex{t.c_cflag & CBAUD};
  s.fields.push_back({"", Toggle{"opost", (t.c_oflag & OPOST) != 0}});
  s.fields.push_back({"", Toggle{"isig", (t.c_lflag & ISIG) != 0}});
  s.fields.push_back({"", Toggle{"icanon", (t.c_lflag & ICANON) != 0}});
  s.fields.push_back({"", Toggle{"echo", (t.c_lflag & ECHO) != 0}});
  return s;
}

Value int_in_brackets(Call& c, uint64_t addr) {
  auto v = c.read<int>(addr);
  if (!v) return c.ptr(addr);
  return Array{{Int{*v}}};
}

}  // namespace

bool decode_ioctl(Call& c) {
  uint32_t req = c.uarg(1);
  uint64_t arg = c.arg(2);
  if (c.entering()) {
    c.push(c.fd(c.iarg(0)));
    c.push(request_value(req));
    switch (req) {
      case TCGETS:
      case TIOCGWINSZ:
      case TIOCGPGRP:
      case FIONREAD:
      case TIOCGPTN:
        return false;
      case TCSETS:
      case TCSETSW:
      case TCSETSF: {
        auto t = c.read<KernelTermios>(arg);
        c.push(t ? termios_short(*t) : c.ptr(arg));
        return true;
      }
      case TIOCSWINSZ: {
        auto w = c.read<struct winsize>(arg);
        if (!w) c.push(c.ptr(arg));
        else
          c.push(Struct{{{"ws_row", Uint{w->ws_row}}, {"ws_col", Uint{w->ws_col}},
                         {"ws_xpixel", Uint{w->ws_xpixel}}, {"ws_ypixel", Uint{w->ws_ypixel}}}});
        return true;
      }
      case FIONBIO:
      case FIOASYNC:
      case TIOCSPGRP:
      case TIOCSPTLCK:
        c.push(int_in_brackets(c, arg));
        return true;
      case FIOCLEX:
      case FIONCLEX:
      case TIOCNOTTY:
        return true;
      case FICLONE:
      case TIOCSCTTY:
      case TCFLSH:
      case TCXONC:
      case TCSBRK:
        c.push(Int{static_cast<int>(arg)});
        return true;
      default:
        c.push(Hex{arg});
        return true;
    }
  }
  if (c.failed()) {
    c.push(c.ptr(arg));
    return true;
  }
  switch (req) {
    case TCGETS: {
      auto t = c.read<KernelTermios>(arg);
      c.push(t ? termios_short(*t) : c.ptr(arg));
      break;
    }
    case TIOCGWINSZ: {
      auto w = c.read<struct winsize>(arg);
      if (!w) c.push(c.ptr(arg));
      else
        c.push(Struct{{{"ws_row", Uint{w->ws_row}}, {"ws_col", Uint{w->ws_col}},
                       {"ws_xpixel", Uint{w->ws_xpixel}}, {"ws_ypixel", Uint{w->ws_ypixel}}}});
      break;
    }
    default: c.push(int_in_brackets(c, arg)); break;
  }
  return true;
}

}  // namespace sct
