/* Descriptor calls: pipes, vectored I/O, seeks, fcntl, poll, select,
 * binary data, long strings, a failing read; vectored I/O and reads again
 * with iovecs and buffers on the heap, far from the stack; epoll with its
 * events on the stack and on the heap (sixty ready at once); preadv and
 * pwritev; preadv2 and pwritev2 with their flags. */
#include <fcntl.h>
#include <linux/fs.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "marker.h"

int main(void) {
  BEGIN();
  int p[2];
  syscall(SYS_pipe2, p, O_CLOEXEC);
  syscall(SYS_write, p[1], "0123456789abcdefghijklmnopqrstuvwxyz-long-enough", 48);
  char buf[128];
  syscall(SYS_read, p[0], buf, sizeof buf);
  syscall(SYS_write, p[1], "\0\1\2\3\t\n\"\\\377", 9);
  syscall(SYS_read, p[0], buf, 9);
  struct iovec iov[2] = {{"abc", 3}, {"defgh", 5}};
  syscall(SYS_writev, p[1], iov, 2);
  char a[4], b[4];
  struct iovec in[2] = {{a, 4}, {b, 4}};
  syscall(SYS_readv, p[0], in, 2);
  syscall(SYS_read, 99, buf, 10);
  syscall(SYS_fcntl, p[0], F_GETFD);
  syscall(SYS_fcntl, p[0], F_SETFL, O_NONBLOCK);
  syscall(SYS_fcntl, p[0], F_GETFL);
  syscall(SYS_read, p[0], buf, 10);
  syscall(SYS_dup3, p[0], 10, O_CLOEXEC);
  syscall(SYS_dup2, 10, 11);
  syscall(SYS_close, 11);
  struct pollfd pf[2] = {{p[0], POLLIN, 0}, {p[1], POLLOUT, 0}};
  syscall(SYS_poll, pf, 2, 0);
  pf[1].events = 0;
  syscall(SYS_poll, pf, 2, 0);
  fd_set r;
  FD_ZERO(&r);
  FD_SET(p[0], &r);
  struct timeval tv = {0, 0};
  syscall(SYS_select, p[0] + 1, &r, NULL, NULL, &tv);
  int fd = syscall(SYS_openat, AT_FDCWD, "/etc/os-release", O_RDONLY);
  syscall(SYS_lseek, fd, 10, SEEK_SET);
  syscall(SYS_pread64, fd, buf, 16, 4);
  syscall(SYS_lseek, fd, 0, SEEK_END + 5);
  syscall(SYS_ioctl, fd, 0x5401, buf);
  syscall(SYS_write, 1, (void *)1, 5);

  struct iovec *hout = malloc(2 * sizeof *hout);
  char *h1 = malloc(16), *h2 = malloc(4096);
  memcpy(h1, "heap-one", 8);
  memset(h2, 'z', 4096);
  hout[0] = (struct iovec){h1, 8};
  hout[1] = (struct iovec){h2, 40};
  syscall(SYS_writev, p[1], hout, 2);
  struct iovec *hin = malloc(2 * sizeof *hin);
  hin[0] = (struct iovec){malloc(8), 8};
  hin[1] = (struct iovec){malloc(64), 64};
  syscall(SYS_readv, p[0], hin, 2);
  /* More iovecs than -s shows, each a byte of its own heap buffer. */
  enum { kMany = 40 };
  struct iovec *many = malloc(kMany * sizeof *many);
  for (int i = 0; i < kMany; ++i) {
    char *c = malloc(1);
    *c = 'A' + i % 26;
    many[i] = (struct iovec){c, 1};
  }
  syscall(SYS_writev, p[1], many, kMany);
  for (int i = 0; i < kMany; ++i) many[i].iov_base = malloc(1);
  syscall(SYS_readv, p[0], many, kMany);
  /* A large buffer on the heap, written and read through a pipe. */
  enum { kBig = 60000 };
  char *big = malloc(kBig);
  for (int i = 0; i < kBig; ++i) big[i] = 'a' + i % 7;
  syscall(SYS_write, p[1], big, kBig);
  char *back = malloc(1 << 16);
  syscall(SYS_read, p[0], back, 1 << 16);
  int z = syscall(SYS_openat, AT_FDCWD, "/dev/zero", O_RDONLY);
  char *huge = malloc(1 << 20);
  syscall(SYS_read, z, huge, 1 << 20);

  /* epoll: events on the stack, then on the heap. */
  int ep = syscall(SYS_epoll_create1, EPOLL_CLOEXEC);
  syscall(SYS_epoll_create1, 0x1234);
  struct epoll_event ev = {.events = EPOLLIN | EPOLLET, .data.u64 = 0x1122334455667788ULL};
  syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], &ev);
  ev.events = EPOLLIN | EPOLLPRI | EPOLLRDHUP | EPOLLONESHOT | 0x10000000;
  ev.data.fd = p[0];
  syscall(SYS_epoll_ctl, ep, EPOLL_CTL_MOD, p[0], &ev);
  syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], (void *)8);
  syscall(SYS_epoll_ctl, ep, 7, p[0], &ev);
  syscall(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, p[0], NULL);
  struct epoll_event out[4];
  syscall(SYS_epoll_wait, ep, out, 4, 0);
  struct epoll_event *hev = malloc(sizeof *hev);
  *hev = (struct epoll_event){.events = EPOLLOUT, .data.u64 = 42};
  syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[1], hev);
  syscall(SYS_epoll_wait, ep, out, 4, 0);
  syscall(SYS_epoll_wait, 99, out, 4, 0);
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGUSR1);
  syscall(SYS_epoll_pwait, ep, out, 4, 0, &mask, 8);
  syscall(SYS_epoll_pwait, ep, out, 4, 0, NULL, 8);
  /* Sixty descriptors ready at once, reported into a heap array. */
  enum { kReady = 60 };
  for (int i = 0; i < kReady - 1; ++i) {
    int d = syscall(SYS_dup, p[1]);
    hev->events = EPOLLOUT;
    hev->data.u64 = (unsigned long long)d << 32 | i;
    syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, d, hev);
  }
  struct epoll_event *ready = malloc(64 * sizeof *ready);
  syscall(SYS_epoll_wait, ep, ready, 64, 0);
  syscall(SYS_epoll_pwait, ep, ready, 64, 0, &mask, 8);

  /* preadv and pwritev at an offset, iovecs on the stack and the heap. */
  int f = syscall(SYS_openat, AT_FDCWD, "pv.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
  struct iovec pw[2] = {{"offset", 6}, {"-data", 5}};
  syscall(SYS_pwritev, f, pw, 2, 100, 0);
  syscall(SYS_preadv, f, hin, 2, 98, 0);
  syscall(SYS_pwritev, f, hout, 2, 1000, 0);
  syscall(SYS_preadv, f, hin, 2, 5000, 0);
  syscall(SYS_pwritev, f, (void *)8, 2, 0, 0);
  /* preadv2 and pwritev2: the offset then RWF_* flags (the kernel's sixth
     register; the fifth is the offset's high half). */
  syscall(SYS_pwritev2, f, pw, 2, 200, 0, RWF_DSYNC | RWF_APPEND);
  syscall(SYS_preadv2, f, hin, 2, 200, 0, 0);
  syscall(SYS_pwritev2, f, hout, 2, 300, 0, RWF_SYNC | 0x40000000);
  syscall(SYS_pwritev2, f, pw, 2, 0, 0, 0x80);
  return 0;
}
