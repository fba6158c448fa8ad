/* Calls with flags words and constants: unshare, finit_module,
 * kexec_file_load, membarrier, pkey_alloc, memfd_secret,
 * set_mempolicy_home_node, mknodat, sync_file_range. Each call that could
 * change the system is given bad flags, a bad descriptor or a missing path. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "marker.h"

#define HI 0xffffffff00000000UL
#define BAD ((char *)1)

int main(void) {
  BEGIN();
  syscall(SYS_unshare, 0);
  syscall(SYS_unshare, 0xffffffffUL);
  syscall(SYS_unshare, 1);
  syscall(SYS_unshare, HI | 0x80);

  char *args = strdup("param=1");
  syscall(SYS_finit_module, -1, args, 0);
  syscall(SYS_finit_module, -1, args, 0xffffffffUL);
  syscall(SYS_finit_module, -1, args, 8);
  syscall(SYS_finit_module, -1, BAD, HI | 1);

  char *cmdline = strdup("console=ttyS0");
  syscall(SYS_kexec_file_load, -1, -1, strlen(cmdline) + 1, cmdline, 0);
  syscall(SYS_kexec_file_load, -1, -1, 4, "abc", 0xffffffffUL);
  syscall(SYS_kexec_file_load, -1, -1, 4, "abc", 0x10);
  syscall(SYS_kexec_file_load, -1, -1, 4, NULL, HI | 1);
  syscall(SYS_kexec_file_load, -1, -1, 4, BAD, 4);

  syscall(SYS_membarrier, 0, 0, 0);
  syscall(SYS_membarrier, 0xffffffffUL, 0xffffffffUL, -1);
  syscall(SYS_membarrier, 1, 1, 3);
  syscall(SYS_membarrier, 2, 2, 3);
  syscall(SYS_membarrier, 3, 0, 3);
  syscall(SYS_membarrier, HI | 0x10, HI | 1, HI | 3);

  syscall(SYS_pkey_alloc, 0, 0);
  syscall(SYS_pkey_alloc, 0xffffffffUL, 0xffffffffUL);
  syscall(SYS_pkey_alloc, 1, 3);
  syscall(SYS_pkey_alloc, 0, 8);
  syscall(SYS_pkey_alloc, HI, HI | 1);

  int s = syscall(SYS_memfd_secret, 0);
  close(s);
  syscall(SYS_memfd_secret, 0xffffffffUL);
  syscall(SYS_memfd_secret, 1);
  syscall(SYS_memfd_secret, HI);

  syscall(SYS_set_mempolicy_home_node, 0, 0, 0, 0);
  syscall(SYS_set_mempolicy_home_node, 0x1000, 0x1000, 0, 0xffffffffUL);
  syscall(SYS_set_mempolicy_home_node, 0x1000, 0x1000, -1L, HI | 1);

  char *node = strdup("/nonexistent/misc_hi");
  syscall(SYS_mknodat, AT_FDCWD, node, S_IFCHR | 0600, makedev(1, 3));
  syscall(SYS_mknodat, AT_FDCWD, node, S_IFBLK | 0600, makedev(8, 1));
  syscall(SYS_mknodat, AT_FDCWD, node, S_IFIFO | 0600, makedev(8, 1));
  syscall(SYS_mknodat, AT_FDCWD, node, 0, 5);
  syscall(SYS_mknodat, AT_FDCWD, node, S_IFREG | S_ISUID | S_ISVTX | 0644, 0);
  syscall(SYS_mknodat, AT_FDCWD, node, 0170600, 0);
  syscall(SYS_mknodat, -1, BAD, HI | S_IFCHR | 0600 | S_ISUID, HI | makedev(300, 70000));
  syscall(SYS_mknodat, -1, NULL, 0xffffffffUL, 0xffffffffUL);

  int fd = open("misc_hi.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
  write(fd, "data", 4);
  syscall(SYS_sync_file_range, fd, 0L, 4L, 2 /* SYNC_FILE_RANGE_WRITE */);
  syscall(SYS_sync_file_range, fd, 0L, 0L, 0);
  syscall(SYS_sync_file_range, -1, 1L, 2L, 0xffffffffUL);
  syscall(SYS_sync_file_range, fd, 1L, 2L, 8);
  syscall(SYS_sync_file_range, fd, -1L, 2L, HI | 1);
  close(fd);
  unlink("misc_hi.tmp");
  free(args);
  free(cmdline);
  free(node);
  return 0;
}
