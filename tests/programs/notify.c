/* fanotify_init, fanotify_mark, userfaultfd and epoll_pwait2: known flags,
 * unknown bits, bad pointers, a path, events, a timeout and a mask on the
 * heap. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <signal.h>
#include <sys/fanotify.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "marker.h"

#define HI 0xffffffff00000000UL
#define BAD ((char *)1)

int main(void) {
  BEGIN();
  int fa = syscall(SYS_fanotify_init, FAN_CLASS_NOTIF, O_RDONLY);
  int fb = syscall(SYS_fanotify_init, FAN_CLASS_CONTENT | FAN_CLOEXEC | FAN_NONBLOCK, O_RDWR | O_CLOEXEC);
  syscall(SYS_fanotify_init, 0xffffffffUL, 0xffffffffUL);
  syscall(SYS_fanotify_init, FAN_CLASS_PRE_CONTENT | FAN_REPORT_FID, O_WRONLY);
  syscall(SYS_fanotify_init, 0x0c, 3);
  syscall(SYS_fanotify_init, HI | 0x10000000, HI | 3);

  char *dir = strdup(".");
  syscall(SYS_fanotify_mark, fa, FAN_MARK_ADD, FAN_OPEN | FAN_CLOSE_WRITE | FAN_ONDIR, AT_FDCWD, dir);
  syscall(SYS_fanotify_mark, fa, FAN_MARK_REMOVE, FAN_OPEN | FAN_CLOSE_WRITE | FAN_ONDIR, AT_FDCWD, dir);
  syscall(SYS_fanotify_mark, fa, 0xffffffffUL, 0xffffffffffffffffUL, AT_FDCWD, dir);
  syscall(SYS_fanotify_mark, fa, 0, 0, AT_FDCWD, NULL);
  syscall(SYS_fanotify_mark, -1, FAN_MARK_ADD | FAN_MARK_FILESYSTEM, FAN_OPEN, 5, dir);
  syscall(SYS_fanotify_mark, fa, FAN_MARK_ADD | FAN_MARK_MOUNT, 0x80000000000UL, AT_FDCWD, dir);
  syscall(SYS_fanotify_mark, fa, HI | 0x400, HI | 0x1, AT_FDCWD, dir);
  syscall(SYS_fanotify_mark, fa, 0x400000, 0x800000, AT_FDCWD, dir);
  syscall(SYS_fanotify_mark, fa, FAN_MARK_ADD, FAN_OPEN, AT_FDCWD, BAD);
  close(fa);
  close(fb);

  int u = syscall(SYS_userfaultfd, 0);
  close(u);
  u = syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
  close(u);
  syscall(SYS_userfaultfd, 0xffffffffUL);
  syscall(SYS_userfaultfd, 2);
  syscall(SYS_userfaultfd, HI | 2);

  int ep = epoll_create1(0);
  int p[2];
  pipe(p);
  struct epoll_event ev = {EPOLLIN, {.u64 = 7}};
  epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
  struct epoll_event *out = malloc(4 * sizeof *out);
  struct timespec *ts = malloc(sizeof *ts);
  ts->tv_sec = 0;
  ts->tv_nsec = 1000;
  sigset_t *m = malloc(sizeof *m);
  sigemptyset(m);
  sigaddset(m, SIGUSR1);
  syscall(SYS_epoll_pwait2, ep, out, 4, ts, m, 8);
  write(p[1], "x", 1);
  syscall(SYS_epoll_pwait2, ep, out, 4, ts, NULL, 8);
  syscall(SYS_epoll_pwait2, ep, out, 4, NULL, m, 8);
  syscall(SYS_epoll_pwait2, -1, out, 4, BAD, BAD, 8);
  syscall(SYS_epoll_pwait2, ep, BAD, 4, ts, m, 16);
  syscall(SYS_epoll_pwait2, -1, out, 4, ts, m, 8);
  syscall(SYS_epoll_pwait2, HI | ep, out, HI | 4, ts, m, 8);
  free(dir);
  return 0;
}
