/* Extended attributes set on a file of the work directory: flags, values
 * longer than -s, binary values, NULL and bad pointers, unknown flag bits. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/xattr.h>
#include <unistd.h>
#include "marker.h"

#define HI 0xffffffff00000000UL
#define BAD ((void *)1)

int main(void) {
  BEGIN();
  int fd = open("xattrs.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
  char *val = malloc(64);
  memset(val, 'v', 64);
  syscall(SYS_setxattr, "xattrs.tmp", "user.a", "value", 5, XATTR_CREATE);
  syscall(SYS_setxattr, "xattrs.tmp", "user.a", val, 64, XATTR_REPLACE);
  syscall(SYS_setxattr, "xattrs.tmp", "user.b", "\x01\x02\xff", 3, 0);
  syscall(SYS_setxattr, "/nonexistent", "user.a", "value", 5, 0);
  syscall(SYS_setxattr, NULL, NULL, NULL, 0, XATTR_CREATE);
  syscall(SYS_lsetxattr, "xattrs.tmp", "user.c", "value", 5, XATTR_CREATE | XATTR_REPLACE);
  syscall(SYS_lsetxattr, "xattrs.tmp", "user.c", BAD, 5, 0);
  syscall(SYS_lsetxattr, BAD, BAD, "value", 5, 4);
  syscall(SYS_fsetxattr, fd, "user.d", "value", 5, 0);
  syscall(SYS_fsetxattr, fd, "user.d", "", 0, XATTR_REPLACE);
  syscall(SYS_fsetxattr, fd, "user.d", NULL, 0, 0);
  syscall(SYS_fsetxattr, 99, "user.d", "value", 5, 0);
  syscall(SYS_fsetxattr, fd, "user.d", "value", 5, 7);
  syscall(SYS_fsetxattr, fd, "user.d", "value", 5, HI | XATTR_CREATE);
  syscall(SYS_fsetxattr, fd, "user.a-very-long-attribute-name-longer-than-thirty-two", "v", 1, 0);
  unlink("xattrs.tmp");
  return 0;
}
