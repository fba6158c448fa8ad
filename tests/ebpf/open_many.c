/* Opens DIR/f0 .. DIR/f(N-1) in turn, each as the same descriptor (read,
 * then closed), then an epoll and an eventfd descriptor, then holds one
 * more file open while it sleeps: a tracer that asks /proc what a
 * descriptor is after the fact finds that last file. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  int n = atoi(argv[2]);
  char path[4096], buf[64];
  for (int i = 0; i < n; ++i) {
    snprintf(path, sizeof path, "%s/f%d", argv[1], i);
    int fd = open(path, O_RDONLY);
    if (fd < 0) return 1;
    if (read(fd, buf, sizeof buf) < 0) return 1;
    close(fd);
  }
  /* Anonymous files all have one inode: only their names differ. */
  close(epoll_create1(0));
  close(eventfd(0, 0));
  snprintf(path, sizeof path, "%s/last", argv[1]);
  if (open(path, O_RDONLY) < 0) return 1;
  usleep(300000);
  return 0;
}
