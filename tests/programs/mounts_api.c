/* The new mount API (open_tree, move_mount, fsopen, fsconfig, fsmount,
 * fspick): known flags, unknown bits, bad pointers, strings on the heap.
 * Nothing is mounted: each call that could change the mount table is given
 * a bad descriptor, a missing path or bad flags. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "marker.h"

#define HI 0xffffffff00000000UL
#define BAD ((char *)1)

int main(void) {
  BEGIN();
  char *missing = strdup("/nonexistent/mounts_api");
  int t = syscall(SYS_open_tree, AT_FDCWD, ".", 0);
  syscall(SYS_open_tree, AT_FDCWD, missing, 0);
  syscall(SYS_open_tree, -1, "", 1 | O_CLOEXEC | AT_EMPTY_PATH);
  syscall(SYS_open_tree, AT_FDCWD, missing, 0xffffffffUL);
  syscall(SYS_open_tree, AT_FDCWD, BAD, 2);
  syscall(SYS_open_tree, AT_FDCWD, missing, HI | AT_RECURSIVE);
  close(t);

  syscall(SYS_move_mount, AT_FDCWD, missing, AT_FDCWD, missing, 0);
  syscall(SYS_move_mount, -1, "", -1, missing, 0x4 | 0x40);
  syscall(SYS_move_mount, AT_FDCWD, missing, AT_FDCWD, missing, 0xffffffffUL);
  syscall(SYS_move_mount, AT_FDCWD, missing, AT_FDCWD, missing, 0x80);
  syscall(SYS_move_mount, AT_FDCWD, BAD, AT_FDCWD, NULL, HI | 1);

  char *fstype = strdup("tmpfs");
  int fs = syscall(SYS_fsopen, fstype, 1);
  syscall(SYS_fsopen, "nosuchfs", 0);
  syscall(SYS_fsopen, fstype, 0xffffffffUL);
  syscall(SYS_fsopen, fstype, 2);
  syscall(SYS_fsopen, BAD, HI);

  char *key = strdup("size"), *value = strdup("1m");
  syscall(SYS_fsconfig, fs, 1 /* FSCONFIG_SET_STRING */, key, value, 0);
  syscall(SYS_fsconfig, fs, 0 /* FSCONFIG_SET_FLAG */, "nosuchflag", NULL, 0);
  syscall(SYS_fsconfig, fs, 2 /* FSCONFIG_SET_BINARY */, key, "b\0in", 4);
  syscall(SYS_fsconfig, fs, 3 /* FSCONFIG_SET_PATH */, key, missing, AT_FDCWD);
  syscall(SYS_fsconfig, fs, 4 /* FSCONFIG_SET_PATH_EMPTY */, key, "", 0);
  syscall(SYS_fsconfig, fs, 5 /* FSCONFIG_SET_FD */, key, NULL, 0);
  syscall(SYS_fsconfig, -1, 6 /* FSCONFIG_CMD_CREATE */, NULL, NULL, 0);
  syscall(SYS_fsconfig, -1, 7 /* FSCONFIG_CMD_RECONFIGURE */, NULL, NULL, 0);
  syscall(SYS_fsconfig, fs, 9, key, value, 0);
  syscall(SYS_fsconfig, fs, HI | 1, BAD, BAD, HI | 5);
  close(fs);

  syscall(SYS_fsmount, -1, 0, 0);
  syscall(SYS_fsmount, -1, 1, 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x80);
  syscall(SYS_fsmount, -1, 0xffffffffUL, 0xffffffffUL);
  syscall(SYS_fsmount, -1, 2, 0x400000);
  syscall(SYS_fsmount, -1, HI | 1, HI | 0x20);

  syscall(SYS_fspick, AT_FDCWD, missing, 0);
  syscall(SYS_fspick, -1, "", 0x1 | 0x8);
  syscall(SYS_fspick, AT_FDCWD, missing, 0xffffffffUL);
  syscall(SYS_fspick, AT_FDCWD, missing, 0x10);
  syscall(SYS_fspick, AT_FDCWD, BAD, HI | 2);
  free(missing);
  free(fstype);
  free(key);
  free(value);
  return 0;
}
