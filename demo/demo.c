/* The situation strace users know: a program looks for its configuration in
 * places where it is not, reads the one that exists, and then cannot reach
 * its server. Trace it with: build/sctrace build/demo/demo */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int try_open(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) printf("config %s: %s\n", path, strerror(errno));
  return fd;
}

/* A port nothing listens on: bind to port 0, note the port, close. */
static int free_port(void) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t len = sizeof a;
  bind(s, (struct sockaddr *)&a, sizeof a);
  getsockname(s, (struct sockaddr *)&a, &len);
  close(s);
  return ntohs(a.sin_port);
}

int main(int argc, char **argv) {
  /* One write per line, even into a pipe: each message follows its syscalls. */
  setvbuf(stdout, NULL, _IOLBF, 0);
  char home_conf[PATH_MAX], real_conf[PATH_MAX];
  const char *home = getenv("HOME");
  snprintf(home_conf, sizeof home_conf, "%s/.config/sctrace-demo/demo.conf", home ? home : "/root");
  if (argc > 1) {
    snprintf(real_conf, sizeof real_conf, "%s", argv[1]);
  } else {
    /* demo.conf next to the executable */
    ssize_t n = readlink("/proc/self/exe", real_conf, sizeof real_conf - 16);
    real_conf[n > 0 ? n : 0] = 0;
    char *slash = strrchr(real_conf, '/');
    strcpy(slash ? slash + 1 : real_conf, "demo.conf");
  }
  try_open(home_conf);
  try_open("./demo.conf");
  int fd = try_open(real_conf);
  if (fd >= 0) {
    char buf[256];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    close(fd);
    printf("config %s: %zd bytes read\n", real_conf, n);
  }
  int port = free_port();
  int s = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in srv = {.sin_family = AF_INET, .sin_port = htons(port)};
  inet_pton(AF_INET, "127.0.0.1", &srv.sin_addr);
  if (connect(s, (struct sockaddr *)&srv, sizeof srv) < 0)
    printf("server 127.0.0.1:%d: %s\n", port, strerror(errno));
  close(s);
  return 0;
}
