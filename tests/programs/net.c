/* Network calls on loopback: a refused connect, a listening socket with an
 * accepted connection, UDP, a socket pair. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
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
  return 0;
}
