// mount: which of the type and data strings the kernel reads depends on the
// flags; strace prints the others as addresses.
#include <sys/mount.h>

#include <fmt/format.h>

#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {

// In the order strace prints them. Four flags glibc's <sys/mount.h> lacks
// are taken from <linux/mount.h>, which cannot be included beside it.
constexpr XlatEntry kMountFlags[] = {
    XLAT(MS_RDONLY),      XLAT(MS_NOSUID),      XLAT(MS_NODEV),       XLAT(MS_NOEXEC),
    XLAT(MS_SYNCHRONOUS), XLAT(MS_REMOUNT),     XLAT(MS_MANDLOCK),    XLAT(MS_DIRSYNC),
    XLAT(MS_NOSYMFOLLOW), XLAT(MS_NOATIME),     XLAT(MS_NODIRATIME),  XLAT(MS_BIND),
    XLAT(MS_MOVE),        XLAT(MS_REC),         XLAT(MS_SILENT),      XLAT(MS_POSIXACL),
    XLAT(MS_UNBINDABLE),  XLAT(MS_PRIVATE),     XLAT(MS_SLAVE),       XLAT(MS_SHARED),
    XLAT(MS_RELATIME),    XLAT(MS_KERNMOUNT),   XLAT(MS_I_VERSION),   XLAT(MS_STRICTATIME),
    XLAT(MS_LAZYTIME),    XLAT_PAIR(1u << 26, "MS_SUBMOUNT"), XLAT_PAIR(1u << 27, "MS_NOREMOTELOCK"),
    XLAT_PAIR(1u << 28, "MS_NOSEC"), XLAT_PAIR(1u << 29, "MS_BORN"), XLAT(MS_ACTIVE),
    XLAT_PAIR(1u << 31, "MS_NOUSER"),  // an int enum in glibc: would sign-extend
};

constexpr uint64_t kPropagation = MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE;

Value mount_flags(uint64_t v) {
  if ((v & MS_MGC_MSK) != MS_MGC_VAL) return flags_value(kMountFlags, v, "MS_???");
  uint64_t rest = v & ~uint64_t{MS_MGC_MSK};
  if (!rest) return Sym{"MS_MGC_VAL", "MountMagic", MS_MGC_VAL};
  Flags f = flags_of(kMountFlags, rest);
  f.names.insert(f.names.begin(), "MS_MGC_VAL");
  f.raw = v;
  // -X raw: the magic, then the flags (0xc0ed0000|0x21).
  f.parts = {Sym{"MS_MGC_VAL", "MountMagic", MS_MGC_VAL}, flags_of(kMountFlags, rest)};
  return f;
}

}  // namespace

bool decode_mount(Call& c) {
  uint64_t flags = c.arg(3);  // unsigned long
  // The magic in the high half of old callers' flags is not a flag.
  uint64_t bits = (flags & MS_MGC_MSK) == MS_MGC_VAL ? flags & ~uint64_t{MS_MGC_MSK} : flags;
  // A remount, a move, a bind or a propagation change takes no type; only
  // a new mount or a remount reads the data.
  bool no_type = bits & (MS_REMOUNT | MS_MOVE | MS_BIND | kPropagation);
  bool no_data = (bits & (MS_MOVE | MS_BIND | kPropagation)) && !(bits & MS_REMOUNT);
  c.push(c.path(c.arg(0)));
  c.push(c.path(c.arg(1)));
  c.push(no_type ? c.ptr(c.arg(2)) : c.cstr(c.arg(2)));
  c.push(mount_flags(flags));
  c.push(no_data ? c.ptr(c.arg(4)) : c.cstr(c.arg(4)));
  return true;
}

}  // namespace sct
