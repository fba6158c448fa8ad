// A client blocked in recv on a TCP connection to a server on 127.0.0.1
// that never answers. The parent is the server: it accepts (unless argv[1]
// is "noaccept") and sleeps; the child is the client. Prints "ready
// CLIENT_PID SERVER_PID" once the client has sent its request.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char** argv) {
  const int accept_it = !(argc > 1 && !strcmp(argv[1], "noaccept"));
  int ls = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (bind(ls, (struct sockaddr*)&a, sizeof a) || listen(ls, 4) || getsockname(ls, (struct sockaddr*)&a, &len)) {
    perror("listen");
    return 1;
  }
  int ready[2];
  if (pipe(ready)) return 1;
  pid_t client = fork();
  if (client == 0) {
    close(ls);
    close(ready[0]);
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(s, (struct sockaddr*)&a, sizeof a)) return 1;
    if (send(s, "hello?", 6, 0) != 6) return 1;
    close(ready[1]);  // tells the server the request is sent
    char buf[64];
    recv(s, buf, sizeof buf, 0);
    return 0;
  }
  close(ready[1]);
  char c;
  while (read(ready[0], &c, 1) > 0) {
  }
  close(ready[0]);
  int conn = accept_it ? accept(ls, NULL, NULL) : -1;
  (void)conn;
  printf("ready %d %d\n", (int)client, (int)getpid());
  fflush(stdout);
  sleep(300);
  return 0;
}
