/* A loopback TCP echo on 127.0.0.1: N messages of 64 bytes, bounded. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 10000;
  int l = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t len = sizeof a;
  bind(l, (struct sockaddr *)&a, sizeof a);
  listen(l, 1);
  getsockname(l, (struct sockaddr *)&a, &len);
  if (fork() == 0) {
    int s = accept(l, 0, 0);
    char buf[64];
    for (long i = 0; i < n; i++) {
      if (recv(s, buf, sizeof buf, MSG_WAITALL) != sizeof buf) break;
      send(s, buf, sizeof buf, 0);
    }
    _exit(0);
  }
  int c = socket(AF_INET, SOCK_STREAM, 0);
  connect(c, (struct sockaddr *)&a, sizeof a);
  char msg[64] = "ping";
  for (long i = 0; i < n; i++) {
    send(c, msg, sizeof msg, 0);
    recv(c, msg, sizeof msg, MSG_WAITALL);
  }
  close(c);
  wait(0);
  return 0;
}
