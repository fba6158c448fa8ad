/* Data moved between descriptors, pipes and memory: splice, tee, vmsplice
 * (both ends of a pipe), copy_file_range (in-out offsets), process_vm_readv
 * and process_vm_writev on itself, process_madvise, and failed vector reads
 * (readv, preadv, preadv2 print their iovecs' addresses). Iovecs, buffers
 * and offsets are on the heap. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "marker.h"

#define HI 0xffffffff00000000UL
#define BAD ((void *)1)

int main(void) {
  pid_t me = getpid();
  BEGIN();
  int p[2], q[2];
  pipe(p);
  pipe(q);
  char *a = strdup("hello"), *b = strdup("world!");
  struct iovec *iv = malloc(2 * sizeof *iv);
  iv[0].iov_base = a;
  iv[0].iov_len = 5;
  iv[1].iov_base = b;
  iv[1].iov_len = 6;
  syscall(SYS_vmsplice, p[1], iv, 2, 0);
  syscall(SYS_vmsplice, p[1], iv, 2, 0xffffffffUL);
  syscall(SYS_vmsplice, -1, BAD, 2, 4);
  syscall(SYS_tee, p[0], q[1], 4, 0);
  syscall(SYS_tee, -1, -1, 10, 0xffffffffUL);
  syscall(SYS_tee, p[0], q[1], 4, 0x10);
  syscall(SYS_tee, -1, -1, 10, HI | 1);
  char *r1 = calloc(1, 3), *r2 = calloc(1, 20);
  struct iovec *ov = malloc(2 * sizeof *ov);
  ov[0].iov_base = r1;
  ov[0].iov_len = 3;
  ov[1].iov_base = r2;
  ov[1].iov_len = 20;
  syscall(SYS_vmsplice, p[0], ov, 2, 0);
  syscall(SYS_readv, -1, ov, 2);
  syscall(SYS_readv, p[0], BAD, 2);
  syscall(SYS_preadv, -1, ov, 2, 0);
  syscall(SYS_preadv2, -1, ov, 2, 0, 0, 0);

  syscall(SYS_process_vm_readv, me, ov, 2, iv, 2, 0);
  syscall(SYS_process_vm_writev, me, iv, 2, ov, 2, 0);
  syscall(SYS_process_vm_readv, me, ov, 2, iv, 2, 1);
  syscall(SYS_process_vm_readv, -1, ov, 2, BAD, 2, 0);
  syscall(SYS_process_vm_writev, me, BAD, 2, ov, 2, 0);

  int pfd = syscall(SYS_pidfd_open, me, 0);
  void *mp = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  struct iovec *mv = malloc(sizeof *mv);
  mv->iov_base = mp;
  mv->iov_len = 8192;
  syscall(SYS_process_madvise, pfd, mv, 1, MADV_COLD, 0);
  syscall(SYS_process_madvise, pfd, mv, 1, MADV_DONTNEED, 0xffffffffUL);
  syscall(SYS_process_madvise, -1, BAD, 1, 0xffff, HI | 1);
  close(pfd);

  long long *o1 = calloc(1, sizeof *o1), *o2 = calloc(1, sizeof *o2);
  *o2 = 5;
  int fd = open("splicing.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
  write(fd, "0123456789", 10);
  syscall(SYS_splice, fd, o1, p[1], NULL, 4, SPLICE_F_MOVE);
  syscall(SYS_splice, p[0], NULL, fd, o2, 4, 0);
  syscall(SYS_splice, fd, BAD, p[1], NULL, 4, 0xffffffffUL);
  syscall(SYS_splice, -1, NULL, -1, o2, 4, HI | SPLICE_F_MORE);
  syscall(SYS_copy_file_range, fd, o1, fd, o2, 2, 0);
  syscall(SYS_copy_file_range, fd, NULL, fd, NULL, 2, 0);
  syscall(SYS_copy_file_range, fd, BAD, fd, o2, 2, 0);
  syscall(SYS_copy_file_range, -1, o1, -1, o2, 2, 0xffffffffUL);
  close(fd);
  unlink("splicing.tmp");
  return 0;
}
