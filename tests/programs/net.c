/* Network calls on loopback: a refused connect, a listening socket with an
 * accepted connection, UDP, a socket pair; sendmsg and recvmsg with their
 * headers, iovecs and data on the stack and on the heap, with an address
 * and with a descriptor passed as control data. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "marker.h"

int main(void) {
  BEGIN();
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(1), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  connect(s, (struct sockaddr *)&a, sizeof a);
  close(s);
  int l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  int one = 1;
  setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  a.sin_port = 0;
  bind(l, (struct sockaddr *)&a, sizeof a);
  listen(l, 4);
  socklen_t len = sizeof a;
  getsockname(l, (struct sockaddr *)&a, &len);
  int c = socket(AF_INET, SOCK_STREAM, 0);
  setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  connect(c, (struct sockaddr *)&a, sizeof a);
  struct sockaddr_in peer;
  len = sizeof peer;
  int d = accept4(l, (struct sockaddr *)&peer, &len, SOCK_CLOEXEC);
  sendto(c, "ping", 4, MSG_NOSIGNAL, NULL, 0);
  char buf[16];
  recvfrom(d, buf, sizeof buf, 0, NULL, NULL);
  int err;
  len = sizeof err;
  getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &len);
  close(d);
  close(c);
  close(l);
  int u = socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in ua = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  bind(u, (struct sockaddr *)&ua, sizeof ua);
  len = sizeof ua;
  getsockname(u, (struct sockaddr *)&ua, &len);
  sendto(u, "dgram", 5, 0, (struct sockaddr *)&ua, sizeof ua);
  struct sockaddr_in from;
  len = sizeof from;
  recvfrom(u, buf, sizeof buf, 0, (struct sockaddr *)&from, &len);
  close(u);
  int x = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un un = {.sun_family = AF_UNIX};
  strcpy(un.sun_path, "/nonexistent/sctrace.sock");
  connect(x, (struct sockaddr *)&un, sizeof un);
  close(x);

  int sp[2];
  socketpair(AF_UNIX, SOCK_DGRAM, 0, sp);
  struct iovec siov[2] = {{"hello ", 6}, {"world", 5}};
  struct msghdr sm = {.msg_iov = siov, .msg_iovlen = 2};
  sendmsg(sp[0], &sm, MSG_DONTWAIT | MSG_NOSIGNAL);
  struct msghdr *hm = malloc(sizeof *hm);
  struct iovec *hiov = malloc(2 * sizeof *hiov);
  hiov[0] = (struct iovec){malloc(4), 4};
  hiov[1] = (struct iovec){malloc(32), 32};
  *hm = (struct msghdr){.msg_iov = hiov, .msg_iovlen = 2};
  recvmsg(sp[1], hm, 0);
  /* A descriptor passed as control data, received into heap buffers. */
  union {
    struct cmsghdr h;
    char b[CMSG_SPACE(sizeof(int))];
  } ctl;
  memset(&ctl, 0, sizeof ctl);
  sm.msg_iovlen = 1;
  sm.msg_control = ctl.b;
  sm.msg_controllen = sizeof ctl.b;
  struct cmsghdr *cm = CMSG_FIRSTHDR(&sm);
  cm->cmsg_level = SOL_SOCKET;
  cm->cmsg_type = SCM_RIGHTS;
  cm->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(cm), &sp[0], sizeof(int));
  sendmsg(sp[0], &sm, 0);
  hm->msg_control = malloc(64);
  hm->msg_controllen = 64;
  hm->msg_iovlen = 1;
  recvmsg(sp[1], hm, MSG_CMSG_CLOEXEC);
  /* With an address: UDP on loopback. */
  int u1 = socket(AF_INET, SOCK_DGRAM, 0);
  bind(u1, (struct sockaddr *)&ua, sizeof ua);
  len = sizeof ua;
  getsockname(u1, (struct sockaddr *)&ua, &len);
  struct msghdr um = {.msg_name = &ua, .msg_namelen = sizeof ua, .msg_iov = siov, .msg_iovlen = 2};
  sendmsg(u1, &um, 0);
  hm->msg_name = malloc(sizeof(struct sockaddr_in));
  hm->msg_namelen = sizeof(struct sockaddr_in);
  hm->msg_control = NULL;
  hm->msg_controllen = 0;
  hm->msg_iovlen = 2;
  recvmsg(u1, hm, 0);
  /* Nothing to receive, a bad header, a bad descriptor. */
  recvmsg(sp[1], hm, MSG_DONTWAIT);
  sendmsg(sp[0], (struct msghdr *)8, 0);
  recvmsg(sp[1], (struct msghdr *)8, MSG_DONTWAIT);
  sendmsg(99, &sm, 0);
  return 0;
}
