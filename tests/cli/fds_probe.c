/* Descriptors for -yy and data for -e read=/write=: /dev/null, TCP (a
 * listener, its client and the accepted end), UDP and UDPv6/TCPv6, UNIX
 * stream and datagram pairs, a bound UNIX listener with its client,
 * netlink, a pidfd; data through read/write, readv/writev, sendmsg/recvmsg
 * and sendto/recvfrom, from stack and heap buffers, and one write larger
 * than the eBPF engine copies (48 KiB). Each socket is kept open until its
 * last call, and the process pauses (a short nanosleep) before closing
 * them; then sockets bound, connected and closed with no pause (a tracer
 * must know them as they were at each call). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>
#include "../programs/marker.h"

/* "pairs": descriptors made in pairs and closed before a late reader
 * could look them up in /proc (pipe, pipe2, socketpair), -y's names. */
static int pairs(void) {
  int n = open("/dev/null", O_RDWR);
  int p[2], q[2], s[2];
  pipe(p);
  write(p[1], "x", 1);
  close(p[0]);
  close(p[1]);
  pipe2(q, O_CLOEXEC);
  dup2(q[0], 20);
  close(q[0]);
  close(q[1]);
  close(20);
  socketpair(AF_UNIX, SOCK_DGRAM, 0, s);
  write(s[0], "y", 1);
  close(s[0]);
  close(s[1]);
  close(n);
  return 0;
}

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "pairs")) return pairs();
  BEGIN();
  char stack[64];
  char *heap = malloc(64);
  int n = open("/dev/null", O_RDWR);
  write(n, "hello\n", 6);
  for (int i = 0; i < 64; i++) heap[i] = (char)(i * 7);
  write(n, heap, 64);
  read(n, stack, sizeof stack);

  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  int l = socket(AF_INET, SOCK_STREAM, 0);
  bind(l, (struct sockaddr *)&a, sizeof a);
  listen(l, 4);
  socklen_t len = sizeof a;
  getsockname(l, (struct sockaddr *)&a, &len);
  int c = socket(AF_INET, SOCK_STREAM, 0);
  connect(c, (struct sockaddr *)&a, sizeof a);
  int d = accept(l, NULL, NULL);
  write(c, "ping", 4);
  read(d, stack, sizeof stack);
  struct iovec iov[2] = {{"abc", 3}, {heap, 17}};
  writev(c, iov, 2);
  struct iovec riov[2] = {{stack, 2}, {heap, 40}};
  readv(d, riov, 2);
  struct msghdr m = {.msg_iov = iov, .msg_iovlen = 2};
  sendmsg(c, &m, 0);
  struct msghdr rm = {.msg_iov = riov, .msg_iovlen = 2};
  recvmsg(d, &rm, 0);
  sendto(c, "xyz", 3, 0, NULL, 0);
  recvfrom(d, stack, sizeof stack, 0, NULL, NULL);

  int u = socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in ua = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  bind(u, (struct sockaddr *)&ua, sizeof ua);
  len = sizeof ua;
  getsockname(u, (struct sockaddr *)&ua, &len);
  sendto(u, "dgram", 5, 0, (struct sockaddr *)&ua, sizeof ua);
  recvfrom(u, stack, sizeof stack, 0, NULL, NULL);

  struct sockaddr_in6 a6 = {.sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT};
  int u6 = socket(AF_INET6, SOCK_DGRAM, 0);
  bind(u6, (struct sockaddr *)&a6, sizeof a6);
  write(u6, "", 0);
  int l6 = socket(AF_INET6, SOCK_STREAM, 0);
  bind(l6, (struct sockaddr *)&a6, sizeof a6);
  listen(l6, 1);

  int sp[2], dp[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sp);
  write(sp[0], "u", 1);
  read(sp[1], stack, 1);
  socketpair(AF_UNIX, SOCK_DGRAM, 0, dp);
  write(dp[0], "v", 1);

  struct sockaddr_un un = {.sun_family = AF_UNIX};
  snprintf(un.sun_path, sizeof un.sun_path, "/tmp/sctrace-fds-%d.sock", (int)getpid());
  int x = socket(AF_UNIX, SOCK_STREAM, 0);
  bind(x, (struct sockaddr *)&un, sizeof un);
  listen(x, 1);
  int y = socket(AF_UNIX, SOCK_STREAM, 0);
  connect(y, (struct sockaddr *)&un, sizeof un);
  int z = accept(x, NULL, NULL);
  write(y, "w", 1);
  read(z, stack, 1);

  int nl = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
  struct sockaddr_nl sn = {.nl_family = AF_NETLINK};
  bind(nl, (struct sockaddr *)&sn, sizeof sn);
  write(nl, "", 0);

  int pf = syscall(SYS_pidfd_open, getpid(), 0);

  /* More than the eBPF engine copies of one buffer. */
  size_t big = 48 * 1024;
  char *large = calloc(1, big);
  write(n, large, big);

  struct timespec pause = {0, 200 * 1000 * 1000};
  nanosleep(&pause, NULL);
  close(pf);
  close(nl);
  close(z);
  close(y);
  close(x);
  unlink(un.sun_path);
  close(dp[0]);
  close(dp[1]);
  close(sp[0]);
  close(sp[1]);
  close(l6);
  close(u6);
  close(u);
  close(d);
  close(c);
  close(l);
  close(n);

  /* Sockets bound, connected and closed at once, with no pause: a tracer
   * that asks the kernel about them late finds them changed or gone. A
   * listener, a client connected and closed before it is accepted, the
   * accepted end, and a connection refused by the closed listener's port. */
  struct sockaddr_in q = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  int ql = socket(AF_INET, SOCK_STREAM, 0);
  bind(ql, (struct sockaddr *)&q, sizeof q);
  listen(ql, 4);
  len = sizeof q;
  getsockname(ql, (struct sockaddr *)&q, &len);
  int qc = socket(AF_INET, SOCK_STREAM, 0);
  connect(qc, (struct sockaddr *)&q, sizeof q);
  close(qc);
  int qa = accept(ql, NULL, NULL);
  close(qa);
  close(ql);
  int qr = socket(AF_INET, SOCK_STREAM, 0);
  connect(qr, (struct sockaddr *)&q, sizeof q);
  close(qr);
  /* UDP connected (bound by its connect) and closed. */
  struct sockaddr_in d9 = {.sin_family = AF_INET, .sin_port = htons(9), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  int qu = socket(AF_INET, SOCK_DGRAM, 0);
  connect(qu, (struct sockaddr *)&d9, sizeof d9);
  write(qu, "x", 1);
  close(qu);
  /* A socketpair closed at once; a seqpacket pair. */
  int qp[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, qp);
  close(qp[0]);
  close(qp[1]);
  socketpair(AF_UNIX, SOCK_SEQPACKET, 0, qp);
  close(qp[1]);
  close(qp[0]);
  /* A UNIX listener, a client closed before it is accepted (the accepted
   * end has no peer then); a datagram socket given an abstract name by
   * the kernel (autobind), closed. */
  struct sockaddr_un qa_un = {.sun_family = AF_UNIX};
  snprintf(qa_un.sun_path, sizeof qa_un.sun_path, "/tmp/sctrace-fds-%d-q.sock", (int)getpid());
  int qx = socket(AF_UNIX, SOCK_STREAM, 0);
  bind(qx, (struct sockaddr *)&qa_un, sizeof qa_un);
  listen(qx, 1);
  int qy = socket(AF_UNIX, SOCK_STREAM, 0);
  connect(qy, (struct sockaddr *)&qa_un, sizeof qa_un);
  close(qy);
  int qz = accept(qx, NULL, NULL);
  close(qz);
  close(qx);
  unlink(qa_un.sun_path);
  int qd = socket(AF_UNIX, SOCK_DGRAM, 0);
  bind(qd, (struct sockaddr *)&qa_un, sizeof(sa_family_t));
  close(qd);
  /* Netlink: unbound, then bound and closed. */
  int qn = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
  close(qn);
  qn = socket(AF_NETLINK, SOCK_DGRAM, NETLINK_ROUTE);
  bind(qn, (struct sockaddr *)&sn, sizeof sn);
  close(qn);
  return 0;
}
