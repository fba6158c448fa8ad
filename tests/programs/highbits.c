/* Arguments with garbage in the register's high bits: the kernel reads only
 * the width of each argument's C type (int: 32 bits, umode_t: 16), and so
 * does strace. Every call fails harmlessly. */
#include <sys/syscall.h>
#include <unistd.h>
#include "marker.h"

#define HI 0xffffffff00000000UL
#define H5 0x5a5a5a5a00000000UL

int main(void) {
  BEGIN();
  syscall(SYS_close, HI | 5);
  syscall(SYS_close, H5 | 0xffffffffUL);
  syscall(SYS_dup, HI | 99);
  syscall(SYS_dup2, HI | 98, HI | 97);
  syscall(SYS_fchmod, HI | 99, H5 | 0644);
  syscall(SYS_mkdir, "/nonexistent/d", H5 | 0755);
  syscall(SYS_chmod, "/nonexistent/d", 0xabcd0000UL | 0644);
  syscall(SYS_mkdirat, HI | 99, "d", 0x12340000UL | 0700);
  syscall(SYS_fchownat, HI | 99, "d", HI | 1, H5 | 2, HI);
  syscall(SYS_kill, HI | 999999, H5 | 0);
  syscall(SYS_fsync, H5 | 99);
  syscall(SYS_listen, HI | 99, HI | 5);
  syscall(SYS_alarm, HI | 0);
  syscall(SYS_umask, H5 | 022);
  syscall(SYS_umask, 022);
  syscall(SYS_readlink, "/nonexistent/l", 0, HI | 10);
  return 0;
}
