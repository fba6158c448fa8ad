/* sendmmsg and recvmmsg on a datagram socketpair: two and three messages,
 * arrays on the stack and the heap, several iovecs per message, data longer
 * than -s and bytes to escape, a control message (SCM_RIGHTS),
 * MSG_* flags known and unknown, a timeout, a count beyond what arrived,
 * failures (bad fd, bad array pointer, a bad iovec) and high bits in int
 * arguments. Names (msg_namelen "64 => 16") need UDP, whose ports vary:
 * the decoder's unit tests cover them. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "marker.h"

#define HI 0xffffffff00000000UL
#define BAD ((void *)1)

int main(void) {
  int sv[2];
  socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
  BEGIN();
  char a1[] = "hello", a2[] = " world, a long message body\001\n";
  char b1[] = "x\"y";
  struct iovec ia[2] = {{a1, 5}, {a2, sizeof a2 - 1}};
  struct iovec ib[1] = {{b1, 3}};
  struct mmsghdr m[2];
  memset(m, 0, sizeof m);
  m[0].msg_hdr.msg_iov = ia;
  m[0].msg_hdr.msg_iovlen = 2;
  m[1].msg_hdr.msg_iov = ib;
  m[1].msg_hdr.msg_iovlen = 1;
  syscall(SYS_sendmmsg, sv[0], m, 2, MSG_DONTWAIT);

  /* Three on the heap, the second with SCM_RIGHTS. */
  struct mmsghdr *h = calloc(3, sizeof *h);
  union {
    struct cmsghdr c;
    char buf[CMSG_SPACE(sizeof(int))];
  } ctl;
  memset(&ctl, 0, sizeof ctl);
  ctl.c.cmsg_len = CMSG_LEN(sizeof(int));
  ctl.c.cmsg_level = SOL_SOCKET;
  ctl.c.cmsg_type = SCM_RIGHTS;
  int one = 1;
  memcpy(CMSG_DATA(&ctl.c), &one, sizeof one);
  for (int i = 0; i < 3; ++i) {
    h[i].msg_hdr.msg_iov = ib;
    h[i].msg_hdr.msg_iovlen = 1;
  }
  h[1].msg_hdr.msg_control = &ctl;
  h[1].msg_hdr.msg_controllen = sizeof ctl;
  syscall(SYS_sendmmsg, sv[0], h, 3, HI | MSG_DONTWAIT | MSG_NOSIGNAL);

  /* Receive: two into the stack array, three asked of what is left. */
  char r1[4], r2[64], r3[16];
  struct iovec ra[2] = {{r1, sizeof r1}, {r2, sizeof r2}};
  struct iovec rb[1] = {{r3, sizeof r3}};
  struct mmsghdr rm[2];
  memset(rm, 0, sizeof rm);
  rm[0].msg_hdr.msg_iov = ra;
  rm[0].msg_hdr.msg_iovlen = 2;
  rm[1].msg_hdr.msg_iov = rb;
  rm[1].msg_hdr.msg_iovlen = 1;
  /* A zero timeout stops after the first message, and leaves zero. */
  struct timespec ts = {0, 0};
  syscall(SYS_recvmmsg, sv[1], rm, 2, MSG_DONTWAIT, &ts);

  struct mmsghdr *rh = calloc(3, sizeof *rh);
  char rctl[64];
  for (int i = 0; i < 3; ++i) {
    rh[i].msg_hdr.msg_iov = rb;
    rh[i].msg_hdr.msg_iovlen = 1;
    rh[i].msg_hdr.msg_control = rctl;
    rh[i].msg_hdr.msg_controllen = sizeof rctl;
  }
  syscall(SYS_recvmmsg, sv[1], rh, 3, HI | MSG_DONTWAIT | MSG_CMSG_CLOEXEC, NULL);

  /* Failures. */
  syscall(SYS_sendmmsg, -1, m, 2, 0);
  syscall(SYS_sendmmsg, sv[0], BAD, 2, 0);
  syscall(SYS_sendmmsg, sv[0], NULL, 0, 0x4000000);
  syscall(SYS_recvmmsg, sv[1], rm, 2, MSG_DONTWAIT, NULL);
  syscall(SYS_recvmmsg, sv[1], rm, 2, MSG_DONTWAIT, NULL);
  struct timespec t2 = {1, 500};
  syscall(SYS_recvmmsg, -1, rm, 2, 0, &t2);
  syscall(SYS_recvmmsg, sv[1], BAD, 2, MSG_DONTWAIT, BAD);
  m[1].msg_hdr.msg_iov = BAD;
  syscall(SYS_sendmmsg, sv[0], m, 2, 0);
  syscall(SYS_recvmmsg, sv[1], rm, 2, MSG_DONTWAIT, NULL);
  return 0;
}
