#include "core/arg_sets.hpp"

// The headers arg_sets.def names: each entry's value is its macro.
#include <fcntl.h>
#include <linux/close_range.h>
#include <linux/falloc.h>
#include <linux/mempolicy.h>
#include <linux/reboot.h>
#include <linux/kexec.h>
#include <linux/membarrier.h>
#include <linux/module.h>
#include <linux/userfaultfd.h>
#include <linux/futex.h>
#include <linux/landlock.h>
#include <linux/openat2.h>
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/fanotify.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/sem.h>
#include <sys/mount.h>
#include <sys/msg.h>
#include <sys/personality.h>
#include <sys/pidfd.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <time.h>
#include <sys/wait.h>
#include <sys/xattr.h>

#include <array>

// Names strace 6.1 prints that x86_64's headers lack: PKEY_DISABLE_EXECUTE is
// powerpc's (<asm/mman.h> there); FAN_DIR_MODIFY was in <linux/fanotify.h>
// of 5.7 and 5.8 only.
#ifndef PKEY_DISABLE_EXECUTE
#define PKEY_DISABLE_EXECUTE 0x4
#endif
#ifndef FAN_DIR_MODIFY
#define FAN_DIR_MODIFY 0x00080000
#endif

// <linux/signal.h> cannot be included beside glibc's <signal.h> (it redefines
// sigset_t): its value is repeated here and checked against it, alone, in
// core/uapi_values.cpp.
#ifndef SS_AUTODISARM
#define SS_AUTODISARM (1U << 31)
#endif

namespace sct {

namespace {

// Named here, not through XLAT: its argument would be the expanded value.
#define V(macro) XLAT_PAIR(macro, #macro)
// A leading placeholder lets a set have no entries (NoNames); kSets skips it.
#define SET(id, kind, header, unknown, ...) \
  constexpr XlatEntry kSet##id[] = {XlatEntry{0, nullptr} __VA_OPT__(, ) __VA_ARGS__};
#define ARG_SET(...)
#include "syscalls/arg_sets.def"
#undef SET

#define SET(id, ...) Xlat(std::span<const XlatEntry>(kSet##id).subspan(1), #id),
const Xlat kSets[] = {
    Xlat(),
#include "syscalls/arg_sets.def"
};
#undef SET
#undef ARG_SET
#undef V

}  // namespace

Xlat arg_set_table(ArgSet s) {
  auto i = static_cast<size_t>(s);
  return i < std::size(kSets) ? kSets[i] : Xlat();
}

Value arg_set_value(ArgSet s, uint64_t v) {
  Xlat t = arg_set_table(s);
  const ArgSetInfo& info = arg_set_info(s);
  std::string unknown(info.unknown);
  if (!info.flags) return xlat_value(t, v, unknown.c_str());
  // No comment for leftover bits: a plain "0x1", as strace prints these.
  if (unknown.empty()) return flags_of(t, v);
  return flags_value(t, v, unknown.c_str());
}

}  // namespace sct
