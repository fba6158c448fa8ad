/* Group id arrays: counting, reading, setting the same groups back; bad
 * pointers, bad counts, a heap array longer than -s. Only the groups this
 * process already has are set, then put back. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "marker.h"

#define BAD ((void *)1)

int main(void) {
  BEGIN();
  gid_t g[64];
  int n = syscall(SYS_getgroups, 0, NULL);
  syscall(SYS_getgroups, 64, g);
  syscall(SYS_getgroups, 64, BAD);
  syscall(SYS_getgroups, -1, g);
  syscall(SYS_getgroups, 0, g);
  gid_t *heap = malloc(40 * sizeof(gid_t));
  for (int i = 0; i < 40; i++) heap[i] = i;
  syscall(SYS_setgroups, 3, heap);
  syscall(SYS_getgroups, 64, g);
  syscall(SYS_setgroups, 40, heap);
  syscall(SYS_setgroups, 3, BAD);
  syscall(SYS_setgroups, -1, heap);
  syscall(SYS_setgroups, 0, NULL);
  syscall(SYS_setgroups, 0, heap);
  syscall(SYS_setgroups, n, g);

  /* sendfile's offset is read and written back. */
  int in = open("ids.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
  write(in, "hello world\n", 12);
  int out = open("/dev/null", O_WRONLY);
  off_t *off = malloc(sizeof *off);
  *off = 2;
  syscall(SYS_sendfile, out, in, off, 5);
  syscall(SYS_sendfile, out, in, NULL, 3);
  syscall(SYS_sendfile, out, in, BAD, 3);
  syscall(SYS_sendfile, 99, in, off, 3);
  syscall(SYS_sendfile, out, 99, NULL, 3);
  unlink("ids.tmp");
  return 0;
}
