/* Old time and file-system calls: time (its result dated), ustat (a device
 * number of 32 bits; strace prints the out-struct as an address), utimes and
 * futimesat (two struct timeval, dated when valid), utimensat (two struct
 * timespec, UTIME_NOW and UTIME_OMIT by name): stack and heap data,
 * NULL, bad pointers, failures, high bits in int arguments. The devices
 * given to ustat exist on no machine, so the calls fail the same anywhere. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "marker.h"

#define HI 0xffffffff00000000UL
#define BAD ((void *)1)

int main(void) {
  close(open("f", O_CREAT | O_WRONLY, 0600));
  BEGIN();
  time_t now;
  syscall(SYS_time, &now);
  syscall(SYS_time, NULL);
  syscall(SYS_time, BAD);
  time_t *heap_now = malloc(sizeof *heap_now);
  syscall(SYS_time, heap_now);

  struct { int f_tfree; unsigned long f_tinode; char f_fname[6], f_fpack[6]; } u;
  syscall(SYS_ustat, 0xfffffeffUL, &u);
  syscall(SYS_ustat, HI | 0xfffffeffUL, NULL);
  syscall(SYS_ustat, 0x123456789abcUL, BAD);
  syscall(SYS_ustat, 0, malloc(sizeof u));

  struct timeval tv[2] = {{1700000000, 5}, {-1, 999999}};
  syscall(SYS_utimes, "f", tv);
  syscall(SYS_utimes, "f", NULL);
  syscall(SYS_utimes, "f", BAD);
  struct timeval *bad_usec = malloc(2 * sizeof *bad_usec);
  bad_usec[0] = (struct timeval){0, 1000000};
  bad_usec[1] = (struct timeval){0x7fffffffffffffffL, 0};
  syscall(SYS_utimes, "f", bad_usec);
  bad_usec[0] = (struct timeval){1700000000, 0};
  bad_usec[1] = (struct timeval){0, -1};
  syscall(SYS_utimes, "missing/f", bad_usec);
  bad_usec[1] = (struct timeval){100000000000L, 999999};
  syscall(SYS_utimes, "f", bad_usec);

  syscall(SYS_futimesat, AT_FDCWD, "f", tv);
  syscall(SYS_futimesat, HI | AT_FDCWD, "f", bad_usec);
  syscall(SYS_futimesat, -1, "f", NULL);
  syscall(SYS_futimesat, AT_FDCWD, "f", BAD);
  syscall(SYS_futimesat, AT_FDCWD, "missing/f", tv);

  struct timespec ts[2] = {{0, UTIME_NOW}, {0, UTIME_OMIT}};
  syscall(SYS_utimensat, AT_FDCWD, "f", ts, 0);
  ts[0] = (struct timespec){5, UTIME_OMIT};
  ts[1] = (struct timespec){-7, UTIME_NOW};
  syscall(SYS_utimensat, AT_FDCWD, "f", ts, AT_SYMLINK_NOFOLLOW);
  ts[1] = (struct timespec){1700000000, 123456789};
  syscall(SYS_utimensat, HI | AT_FDCWD, "f", ts, HI);
  struct timespec *bad_nsec = malloc(2 * sizeof *bad_nsec);
  bad_nsec[0] = (struct timespec){1577836800, 0};
  bad_nsec[1] = (struct timespec){-1, 999999999};
  syscall(SYS_utimensat, AT_FDCWD, "f", bad_nsec, 0);
  bad_nsec[0] = (struct timespec){1577836800, 1000000000};
  bad_nsec[1] = (struct timespec){0x7fffffffffffffffL, UTIME_NOW + 1};
  syscall(SYS_utimensat, AT_FDCWD, "f", bad_nsec, 0);
  bad_nsec[0] = (struct timespec){-1, -1};
  bad_nsec[1] = (struct timespec){0, UTIME_OMIT | 1L << 40};
  syscall(SYS_utimensat, AT_FDCWD, "f", bad_nsec, 0);
  syscall(SYS_utimensat, AT_FDCWD, "f", NULL, 0);
  syscall(SYS_utimensat, AT_FDCWD, "f", BAD, 0);
  syscall(SYS_utimensat, AT_FDCWD, "missing/f", ts, 0);
  syscall(SYS_utimensat, -1, NULL, ts, 0);
  syscall(SYS_utimensat, AT_FDCWD, "f", ts, AT_SYMLINK_NOFOLLOW | 0x10000);
  return 0;
}
