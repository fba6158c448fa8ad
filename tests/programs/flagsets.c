/* Flags words and named constants that the generic decoder prints from
 * src/syscalls/arg_sets.def: for each call known flags, an unknown bit
 * beside known ones, an unknown bit alone, and 0. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>
#include "marker.h"

#define HI 0xffffffff00000000UL

int main(void) {
  BEGIN();
  int fd = open("flagsets.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
  syscall(SYS_flock, fd, LOCK_SH);
  syscall(SYS_flock, fd, LOCK_EX | LOCK_NB);
  syscall(SYS_flock, fd, LOCK_UN);
  syscall(SYS_flock, fd, 0);
  syscall(SYS_flock, fd, LOCK_SH | 0x100);
  syscall(SYS_flock, fd, 0x100);
  syscall(SYS_flock, fd, HI | LOCK_UN);

  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  syscall(SYS_shutdown, s, SHUT_RD);
  syscall(SYS_shutdown, s, SHUT_WR);
  syscall(SYS_shutdown, s, SHUT_RDWR);
  syscall(SYS_shutdown, s, 7);
  syscall(SYS_shutdown, s, -1);

  syscall(SYS_eventfd2, 0, 0);
  syscall(SYS_eventfd2, 1, EFD_CLOEXEC | EFD_NONBLOCK | EFD_SEMAPHORE);
  syscall(SYS_eventfd2, 1, EFD_CLOEXEC | 0x10);
  syscall(SYS_eventfd2, 1, 0x10);
  syscall(SYS_eventfd2, 2, HI | EFD_CLOEXEC);

  syscall(SYS_timerfd_create, CLOCK_MONOTONIC, 0);
  syscall(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
  syscall(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_CLOEXEC | 0x10);
  syscall(SYS_timerfd_create, CLOCK_MONOTONIC, 0x10);

  syscall(SYS_inotify_init1, 0);
  syscall(SYS_inotify_init1, IN_CLOEXEC | IN_NONBLOCK);
  syscall(SYS_inotify_init1, IN_CLOEXEC | 1);
  syscall(SYS_inotify_init1, 1);

  syscall(SYS_signalfd4, -1, 0, 8, 0);
  syscall(SYS_signalfd4, -1, 0, 8, SFD_CLOEXEC | SFD_NONBLOCK);
  syscall(SYS_signalfd4, -1, 0, 8, SFD_CLOEXEC | 1);
  syscall(SYS_signalfd4, -1, 0, 8, 1);

  syscall(SYS_close_range, 1000, 1001, 0);
  syscall(SYS_close_range, 1000, 1001, 4 /* CLOSE_RANGE_CLOEXEC */);
  syscall(SYS_close_range, 1000, ~0U, 6 | 0x10);
  syscall(SYS_close_range, 1000, 1001, 0x10);

  syscall(SYS_fallocate, fd, 0, 0, 4096);
  syscall(SYS_fallocate, -1, FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE, 0, 10);
  syscall(SYS_fallocate, -1, FALLOC_FL_KEEP_SIZE | 0x100, 0, 10);
  syscall(SYS_fallocate, -1, 0x100, 0, 10);

  syscall(SYS_setns, -1, 0);
  syscall(SYS_setns, -1, CLONE_NEWNET);
  syscall(SYS_setns, -1, CLONE_NEWNET | CLONE_NEWUTS);
  syscall(SYS_setns, -1, CLONE_NEWNET | 1);
  syscall(SYS_setns, -1, 1);

  pid_t pid = getpid();
  syscall(SYS_pidfd_open, pid, 0);
  syscall(SYS_pidfd_open, pid, O_NONBLOCK /* PIDFD_NONBLOCK */);
  syscall(SYS_pidfd_open, pid, O_NONBLOCK | 1);
  syscall(SYS_pidfd_open, pid, 1);

  /* Flags, then the huge page size field (log2 of the size, at bit 26). */
  syscall(SYS_memfd_create, "m", 0);
  syscall(SYS_memfd_create, "m", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  syscall(SYS_memfd_create, "m", MFD_CLOEXEC | 0x100);
  syscall(SYS_memfd_create, "m", 0x100);
  syscall(SYS_memfd_create, "m", 21U << 26);
  syscall(SYS_memfd_create, "m", 0x100 | (21U << 26));
  syscall(SYS_memfd_create, "m", MFD_CLOEXEC | 0x100 | (30U << 26));

  syscall(SYS_msync, 0, 0, 0);
  syscall(SYS_msync, 0, 0, MS_SYNC | MS_INVALIDATE);
  syscall(SYS_msync, 0, 0, MS_ASYNC | 0x10);
  syscall(SYS_msync, 0, 0, 0x10);

  /* Every one fails: nothing is locked. */
  syscall(SYS_mlockall, 0);
  syscall(SYS_mlockall, MCL_ONFAULT);
  syscall(SYS_mlockall, MCL_CURRENT | MCL_FUTURE | 0x10);
  syscall(SYS_mlockall, 0x10);

  syscall(SYS_mlock2, 0, 0, 0);
  syscall(SYS_mlock2, 0, 0, MLOCK_ONFAULT);
  syscall(SYS_mlock2, 0, 0, MLOCK_ONFAULT | 2);
  syscall(SYS_mlock2, 0, 0, 2);

  syscall(SYS_umount2, "/nonexistent/m", 0);
  syscall(SYS_umount2, "/nonexistent/m", MNT_DETACH | UMOUNT_NOFOLLOW);
  syscall(SYS_umount2, "/nonexistent/m", MNT_FORCE | 0x100);
  syscall(SYS_umount2, "/nonexistent/m", 0x100);

  unlink("flagsets.tmp");
  return 0;
}
