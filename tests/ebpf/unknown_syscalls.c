/* Numbers no syscall has: each enters the kernel and fails with ENOSYS,
 * and strace shows each as syscall_0x...(args). */
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  syscall(-1L, 1, 2, 3, 4, 5, 6);
  syscall(100000L, 1, 2, 3, 4, 5, 6);
  /* x32 numbers (__X32_SYSCALL_BIT): getpid, write. */
  syscall(0x40000000L | 39, 1, 2, 3, 4, 5, 6);
  syscall(0x40000000L | 1, 1, 2, 3, 4, 5, 6);
  return 0;
}
