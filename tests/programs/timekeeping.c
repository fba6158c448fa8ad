/* Time and timer calls whose arguments are structs of
 * src/syscalls/structs.def: structs on the stack and on the heap, NULL, bad
 * pointers, failed calls (their out-structs print as addresses), unknown
 * constants and flag bits, and high bits above int arguments. Nothing here
 * changes the clock: settimeofday and clock_settime get values or pointers
 * the kernel refuses. Values that change between runs (the time of day) are
 * tv_sec/tv_usec fields, which the differential tests mask. */
#define _GNU_SOURCE
#include <linux/time_types.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>
#include "marker.h"

#define HI 0xffffffff00000000UL
#define BAD ((void*)1)

int main(void) {
  /* timer_create's sigevent is not decoded yet: the timer is made before the marker. */
  timer_t tid;
  struct sigevent ev = {0};
  ev.sigev_notify = SIGEV_NONE;
  syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &tid);
  BEGIN();
  struct __kernel_old_itimerval* it = malloc(sizeof *it);
  struct __kernel_old_itimerval old;
  it->it_interval.tv_sec = 0;
  it->it_interval.tv_usec = 0;
  it->it_value.tv_sec = 100;
  it->it_value.tv_usec = 5;
  syscall(SYS_getitimer, ITIMER_REAL, &old);
  syscall(SYS_getitimer, HI | ITIMER_VIRTUAL, &old);
  syscall(SYS_getitimer, 7, &old);
  syscall(SYS_getitimer, ITIMER_PROF, BAD);
  syscall(SYS_getitimer, ITIMER_PROF, NULL);
  syscall(SYS_setitimer, ITIMER_VIRTUAL, it, &old);
  syscall(SYS_setitimer, ITIMER_VIRTUAL, it, NULL);
  syscall(SYS_setitimer, 9, it, &old);
  syscall(SYS_setitimer, ITIMER_VIRTUAL, BAD, (void*)2);
  it->it_value.tv_sec = 0;
  it->it_value.tv_usec = 0;
  syscall(SYS_setitimer, ITIMER_VIRTUAL, it, it);

  struct timeval tv;
  struct timezone* tz = malloc(sizeof *tz);
  syscall(SYS_gettimeofday, &tv, tz);
  syscall(SYS_gettimeofday, &tv, NULL);
  syscall(SYS_gettimeofday, NULL, NULL);
  syscall(SYS_gettimeofday, BAD, (void*)2);
  /* Refused: a negative microsecond count (EINVAL), bad pointers (EFAULT). */
  tv.tv_sec = 0;
  tv.tv_usec = -5;
  tz->tz_minuteswest = -60;
  tz->tz_dsttime = 1;
  syscall(SYS_settimeofday, &tv, tz);
  syscall(SYS_settimeofday, BAD, NULL);
  syscall(SYS_settimeofday, &tv, BAD);

  syscall(SYS_times, BAD);

  /* Fixed times on a missing file: nothing is changed. */
  struct utimbuf* ub = malloc(sizeof *ub);
  ub->actime = 1;
  ub->modtime = 2;
  syscall(SYS_utime, "/sctrace-none", ub);
  ub->actime = -1;
  ub->modtime = 1795907373;
  syscall(SYS_utime, "/sctrace-none", ub);
  ub->actime = 0x7fffffffffffffffL;
  ub->modtime = -0x7fffffffffffffffL;
  syscall(SYS_utime, "/sctrace-none", ub);
  syscall(SYS_utime, "/sctrace-none", NULL);
  syscall(SYS_utime, "/sctrace-none", BAD);

  struct __kernel_timespec* ts = malloc(sizeof *ts);
  syscall(SYS_clock_getres, CLOCK_MONOTONIC, ts);
  syscall(SYS_clock_getres, CLOCK_REALTIME, NULL);
  syscall(SYS_clock_getres, 99, ts);
  syscall(SYS_clock_getres, HI | CLOCK_MONOTONIC, BAD);
  ts->tv_sec = 0;
  ts->tv_nsec = -1;
  syscall(SYS_clock_settime, CLOCK_REALTIME, ts);
  syscall(SYS_clock_settime, CLOCK_MONOTONIC, BAD);
  syscall(SYS_clock_settime, CLOCK_MONOTONIC, ts);

  struct __kernel_itimerspec* its = malloc(sizeof *its);
  struct __kernel_itimerspec oits;
  its->it_interval.tv_sec = 0;
  its->it_interval.tv_nsec = 0;
  its->it_value.tv_sec = 100;
  its->it_value.tv_nsec = 5;
  syscall(SYS_timer_settime, tid, 0, its, &oits);
  syscall(SYS_timer_settime, tid, TIMER_ABSTIME | 8, its, NULL);
  syscall(SYS_timer_settime, tid, 8, BAD, &oits);
  syscall(SYS_timer_settime, 0x1234, HI, its, &oits);
  its->it_value.tv_sec = 0;
  its->it_value.tv_nsec = 0;
  syscall(SYS_timer_settime, tid, 0, its, &oits);
  syscall(SYS_timer_gettime, tid, &oits);
  syscall(SYS_timer_gettime, tid, BAD);
  syscall(SYS_timer_gettime, 0x1234, &oits);

  int fd = timerfd_create(CLOCK_MONOTONIC, 0);
  syscall(SYS_timerfd_settime, fd, TFD_TIMER_ABSTIME, its, &oits);
  syscall(SYS_timerfd_settime, fd, 0, its, NULL);
  syscall(SYS_timerfd_settime, fd, 0x80, its, NULL);
  syscall(SYS_timerfd_settime, fd, HI, BAD, NULL);
  syscall(SYS_timerfd_gettime, fd, &oits);
  syscall(SYS_timerfd_gettime, fd, BAD);
  syscall(SYS_timerfd_gettime, 99, &oits);
  return 0;
}
