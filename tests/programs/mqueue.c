/* POSIX message queues: mq_open's attributes (printed only with O_CREAT),
 * send and receive with timeouts, attributes in and out, failures and bad
 * pointers. The queue lives in a new IPC namespace, made before the marker,
 * and is removed at the end. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/time_types.h>
#include <mqueue.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "marker.h"

#define HI 0xffffffff00000000UL
#define BAD ((void*)1)

int main(void) {
  unshare(CLONE_NEWIPC);
  BEGIN();
  struct mq_attr* a = malloc(sizeof *a);
  struct mq_attr oa;
  a->mq_flags = 0;
  a->mq_maxmsg = 4;
  a->mq_msgsize = 16;
  a->mq_curmsgs = 0;
  int q = syscall(SYS_mq_open, "sctrace-mqueue-test", O_RDWR | O_CREAT | O_EXCL, 0600, a);
  syscall(SYS_mq_open, "sctrace-mqueue-test", O_RDWR | O_CREAT | O_EXCL, 0600, a);
  syscall(SYS_mq_open, "sctrace-mqueue-none", O_RDWR, 0600, a);
  syscall(SYS_mq_open, "sctrace-mqueue-none", O_RDWR | O_CREAT, 0600, BAD);
  syscall(SYS_mq_open, "sctrace-mqueue-none", HI | O_RDONLY, 0600, a);

  struct __kernel_timespec ts = {1, 2};
  syscall(SYS_mq_timedsend, q, "hello", 5, 3, &ts);
  syscall(SYS_mq_timedsend, q, "world", 5, 1, NULL);
  syscall(SYS_mq_timedsend, q, "bad", 3, 1, BAD);
  syscall(SYS_mq_timedsend, 99, "x", 1, 1, &ts);
  char* buf = malloc(32);
  unsigned prio;
  syscall(SYS_mq_timedreceive, q, buf, 32, &prio, &ts);
  syscall(SYS_mq_timedreceive, q, buf, 32, NULL, NULL);
  syscall(SYS_mq_timedreceive, q, buf, 32, &prio, &ts);
  syscall(SYS_mq_timedreceive, q, buf, 32, BAD, BAD);

  syscall(SYS_mq_getsetattr, q, NULL, &oa);
  a->mq_flags = O_NONBLOCK;
  syscall(SYS_mq_getsetattr, q, a, &oa);
  a->mq_flags = 0;
  syscall(SYS_mq_getsetattr, q, a, NULL);
  syscall(SYS_mq_getsetattr, q, BAD, NULL);
  syscall(SYS_mq_getsetattr, q, NULL, BAD);
  syscall(SYS_mq_getsetattr, 99, NULL, &oa);
  syscall(SYS_mq_unlink, "sctrace-mqueue-test");
  return 0;
}
