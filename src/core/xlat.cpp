#include "core/xlat.hpp"

#include <fcntl.h>
#include <time.h>

#include <cstring>
#include <fmt/format.h>

namespace sct {

const char* xlat_name(Xlat t, uint64_t v) {
  for (const auto& e : t)
    if (e.val == v) return e.name;
  return nullptr;
}

Flags flags_of(Xlat t, uint64_t v) {
  Flags f;
  f.set = t.name;
  f.raw = v;
  if (v == 0) {
    if (const char* z = xlat_name(t, 0)) f.names.emplace_back(z);
    return f;
  }
  for (const auto& e : t) {
    if (e.val != 0 && (v & e.val) == e.val) {
      f.names.emplace_back(e.name);
      v &= ~e.val;
    }
  }
  f.residue = v;
  return f;
}

Value flags_value(Xlat t, uint64_t v, const char* comment) {
  Flags f = flags_of(t, v);
  if (f.names.empty() && f.residue != 0) return unknown_commented(Hex{v}, comment);
  return f;
}

std::string render_flags_text(const Flags& f) {
  std::string out;
  for (const auto& n : f.names) {
    if (!out.empty()) out += '|';
    out += n;
  }
  if (f.residue) {
    if (!out.empty()) out += '|';
    out += fmt::format("{:#x}", f.residue);
  }
  // (Returning a literal rather than assigning one: g++ 12 -O2 warns falsely
  // of overlapping copies in the assignment.)
  if (out.empty()) return "0";
  return out;
}

Sym sym_of(Xlat t, int64_t v) {
  const char* n = xlat_name(t, static_cast<uint64_t>(v));
  return Sym{n ? n : "", t.name, v, NumBase::Hex};
}

Value xlat_value(Xlat t, uint64_t v, const char* comment) {
  if (const char* n = xlat_name(t, v)) return Sym{n, t.name, static_cast<int64_t>(v), NumBase::Hex};
  if (!comment) return Uint{v};
  return unknown_commented(Hex{v}, comment);
}

Value xlat_value_dec(Xlat t, int64_t v, const char* comment) {
  if (const char* n = xlat_name(t, static_cast<uint64_t>(v))) return Sym{n, t.name, v, NumBase::Hex};
  if (!comment) return Int{v};
  return unknown_commented(Int{v}, comment);
}

namespace {
// Signal numbers are the kernel's (asm/signal.h on x86_64).
constexpr const char* kSignalNames[] = {
    nullptr,   "SIGHUP",  "SIGINT",    "SIGQUIT", "SIGILL",  "SIGTRAP", "SIGABRT",
    "SIGBUS",  "SIGFPE",  "SIGKILL",   "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE",
    "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP",
    "SIGTTIN", "SIGTTOU", "SIGURG",    "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
    "SIGWINCH", "SIGIO",  "SIGPWR",    "SIGSYS",
};
constexpr int kSigRtMin = 32, kSigRtMax = 64;

#define ERRNO(n, name) XLAT_PAIR(n, #name),
constexpr XlatEntry kErrnos[] = {
#include "core/tables/errnos.def"
};
#undef ERRNO
}  // namespace

std::string signal_name(int sig) {
  if (sig > 0 && sig < kSigRtMin) return kSignalNames[sig];
  if (sig == kSigRtMin) return "SIGRTMIN";
  if (sig > kSigRtMin && sig <= kSigRtMax) return fmt::format("SIGRT_{}", sig - kSigRtMin);
  return {};
}

Value signal_value(int64_t sig) {
  std::string n = signal_name(static_cast<int>(sig));
  if (n.empty() || sig != static_cast<int>(sig)) return Int{sig};
  return Sym{std::move(n), "Signals", sig, NumBase::Dec};
}

const char* errno_name(int err) { return xlat_name(kErrnos, static_cast<uint64_t>(err)); }

std::string errno_message(int err) {
  // The kernel-internal restart codes have no libc message.
  switch (err) {
    case 512: return "To be restarted if SA_RESTART is set";
    case 513: return "To be restarted";
    case 514: return "To be restarted if no handler";
    case 515: return "Inappropriate ioctl for device";
    case 516: return "Interrupted by signal";
    case 517: return "Driver requests probe retry";
    case 518: return "Open found a stale dentry";
    case 519: return "Parameter not supported";
    case 521: return "Illegal NFS file handle";
    case 522: return "Update synchronization mismatch";
    case 523: return "Cookie is stale";
    case 524: return "Operation is not supported";
    case 525: return "Buffer or request is too small";
    case 526: return "An untranslatable error occurred";
    case 527: return "Type not supported by server";
    case 528: return "Request initiated, but will not complete before timeout";
    case 529: return "iocb queued, will get completion event";
    case 530: return "Conflict with recalled state";
    case 531: return "NFS file lock reclaim refused";
    default: break;
  }
  return strerrordesc_np(err) ? strerrordesc_np(err) : "";
}

namespace {
constexpr XlatEntry kOpenAccessModesData[] = {
    XLAT(O_RDONLY), XLAT(O_WRONLY), XLAT(O_RDWR), XLAT(O_ACCMODE)};
// Kernel values (glibc defines O_LARGEFILE as 0 on 64-bit); the order is the
// order strace prints them in.
constexpr XlatEntry kOpenFlagsData[] = {
    XLAT(O_CREAT),     XLAT(O_EXCL),      XLAT(O_NOCTTY),   XLAT(O_TRUNC),
    XLAT(O_APPEND),    XLAT(O_NONBLOCK),  XLAT(O_SYNC),     XLAT(O_DSYNC),
    XLAT(O_DIRECT),    XLAT_PAIR(0100000, "O_LARGEFILE"),   XLAT(O_NOFOLLOW),
    XLAT(O_NOATIME),   XLAT(O_CLOEXEC),   XLAT(O_PATH),     XLAT(O_TMPFILE),
    XLAT(O_DIRECTORY), XLAT_PAIR(FASYNC, "FASYNC"),
};
constexpr XlatEntry kAtFlagsData[] = {
    XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_REMOVEDIR), XLAT(AT_SYMLINK_FOLLOW),
    XLAT(AT_NO_AUTOMOUNT),     XLAT(AT_EMPTY_PATH), XLAT_PAIR(0x8000, "AT_RECURSIVE"),
};
constexpr XlatEntry kClockIdsData[] = {
    XLAT(CLOCK_REALTIME),       XLAT(CLOCK_MONOTONIC),      XLAT(CLOCK_PROCESS_CPUTIME_ID),
    XLAT(CLOCK_THREAD_CPUTIME_ID), XLAT(CLOCK_MONOTONIC_RAW), XLAT(CLOCK_REALTIME_COARSE),
    XLAT(CLOCK_MONOTONIC_COARSE), XLAT(CLOCK_BOOTTIME),     XLAT(CLOCK_REALTIME_ALARM),
    XLAT(CLOCK_BOOTTIME_ALARM),  XLAT(CLOCK_TAI),
};
}  // namespace

const Xlat kOpenAccessModes{kOpenAccessModesData, "OpenAccessModes"};
const Xlat kOpenFlags{kOpenFlagsData, "OpenFlags"};
const Xlat kAtFlags{kAtFlagsData, "AtFlags"};
const Xlat kClockIds{kClockIdsData, "ClockIds"};

Value open_flags_value(uint64_t v) {
  Flags f = flags_of(XSET(kOpenFlags), v & ~uint64_t{O_ACCMODE} & 0xffffffffu);
  f.names.insert(f.names.begin(), xlat_name(kOpenAccessModes, v & O_ACCMODE));
  f.residue |= v & ~uint64_t{0xffffffff};
  f.raw = v;
  return f;
}

}  // namespace sct
