/* File-family calls: opens that fail and succeed, stat, directory listing,
 * renames, links, bad pointers. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "marker.h"

int main(void) {
  BEGIN();
  char dir[] = "/tmp/sctrace-fileops";
  syscall(SYS_unlinkat, AT_FDCWD, "/tmp/sctrace-fileops/b", 0);
  syscall(SYS_unlinkat, AT_FDCWD, "/tmp/sctrace-fileops/c", 0);
  syscall(SYS_unlinkat, AT_FDCWD, dir, AT_REMOVEDIR);
  syscall(SYS_mkdir, dir, 0755);
  syscall(SYS_chdir, dir);
  int fd = syscall(SYS_openat, AT_FDCWD, "a", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  syscall(SYS_write, fd, "hello\n", 6);
  syscall(SYS_close, fd);
  syscall(SYS_openat, AT_FDCWD, "missing", O_RDONLY);
  syscall(SYS_open, "a", O_RDONLY | O_NOFOLLOW);
  syscall(SYS_access, "a", R_OK | W_OK);
  syscall(SYS_faccessat2, AT_FDCWD, "a", X_OK, AT_EACCESS);
  struct stat st;
  syscall(SYS_stat, "a", &st);
  syscall(SYS_lstat, "missing", &st);
  syscall(SYS_newfstatat, AT_FDCWD, "a", (void *)8, 0);
  syscall(SYS_rename, "a", "b");
  syscall(SYS_renameat2, AT_FDCWD, "b", AT_FDCWD, "b", 1);
  syscall(SYS_link, "b", "c");
  syscall(SYS_symlink, "b", "s");
  char buf[64];
  syscall(SYS_readlink, "s", buf, sizeof buf);
  syscall(SYS_unlink, "s");
  syscall(SYS_chmod, "b", 0600);
  syscall(SYS_umask, 022);
  syscall(SYS_getcwd, buf, sizeof buf);
  syscall(SYS_openat, AT_FDCWD, (char *)1, O_RDONLY);
  syscall(SYS_truncate, "c", 3);
  syscall(SYS_chdir, "/");
  syscall(SYS_unlinkat, AT_FDCWD, "/tmp/sctrace-fileops/b", 0);
  syscall(SYS_unlinkat, AT_FDCWD, "/tmp/sctrace-fileops/c", 0);
  syscall(SYS_unlinkat, AT_FDCWD, dir, AT_REMOVEDIR);
  return 0;
}
