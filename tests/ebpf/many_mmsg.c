/* sendmmsg and recvmmsg of six messages, more than the eBPF engine copies
 * (SCT_MMSG_MAX): stream_test.py's mmsg_bound. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  int sv[2];
  socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
  struct iovec v = {"ab", 2};
  struct mmsghdr* m = calloc(6, sizeof *m);
  for (int i = 0; i < 6; ++i) {
    m[i].msg_hdr.msg_iov = &v;
    m[i].msg_hdr.msg_iovlen = 1;
  }
  syscall(SYS_sendmmsg, sv[0], m, 6, 0);
  char buf[8];
  struct iovec r = {buf, sizeof buf};
  for (int i = 0; i < 6; ++i) m[i].msg_hdr.msg_iov = &r;
  syscall(SYS_recvmmsg, sv[1], m, 6, MSG_DONTWAIT, NULL);
  return 0;
}
