/* fanotify_init, fanotify_mark and userfaultfd: known flags, unknown bits,
 * bad pointers, a path on the heap. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
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
  free(dir);
  return 0;
}
