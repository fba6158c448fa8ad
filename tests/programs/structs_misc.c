/* Struct-bearing calls of several families: sigaltstack's stack_t in and
 * out, get_robust_list's pointer and length, openat2's struct open_how,
 * AIO contexts and completion events (counted by the return value), Landlock
 * ruleset attributes and futex_waitv's waiter array. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/aio_abi.h>
#include <linux/futex.h>
#include <linux/landlock.h>
#include <stdint.h>
#include <linux/openat2.h>
#include <linux/time_types.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "marker.h"

#define HI 0xffffffff00000000UL
#define BAD ((void*)1)

int main(void) {
  /* The read whose completion io_getevents collects is submitted before
   * the marker: io_submit's iocb array is not decoded yet. */
  aio_context_t actx = 0;
  syscall(SYS_io_setup, 4, &actx);
  int fd = open("/proc/self/exe", O_RDONLY);
  char* data = malloc(64);
  struct iocb* cb = calloc(1, sizeof *cb);
  cb->aio_fildes = fd;
  cb->aio_lio_opcode = IOCB_CMD_PREAD;
  cb->aio_buf = (unsigned long)data;
  cb->aio_nbytes = 1;
  cb->aio_data = 0x1234;
  struct iocb* cbs[1] = {cb};
  syscall(SYS_io_submit, actx, 1, cbs);
  BEGIN();

  stack_t* ss = calloc(1, sizeof *ss);
  stack_t os;
  ss->ss_flags = SS_DISABLE;
  syscall(SYS_sigaltstack, NULL, &os);
  syscall(SYS_sigaltstack, ss, &os);
  ss->ss_sp = malloc(65536);
  ss->ss_size = 65536;
  ss->ss_flags = 0;
  syscall(SYS_sigaltstack, ss, NULL);
  syscall(SYS_sigaltstack, NULL, &os);
  ss->ss_flags = SS_DISABLE;
  syscall(SYS_sigaltstack, ss, &os);
  ss->ss_flags = (1U << 31) | 4;
  syscall(SYS_sigaltstack, ss, NULL);
  ss->ss_flags = 0x40;
  syscall(SYS_sigaltstack, ss, &os);
  syscall(SYS_sigaltstack, BAD, (void*)2);
  syscall(SYS_sigaltstack, NULL, BAD);

  void* head;
  size_t len;
  syscall(SYS_get_robust_list, 0, &head, &len);
  syscall(SYS_get_robust_list, 0, BAD, &len);
  syscall(SYS_get_robust_list, HI | 0x7ffffff0, &head, &len);

  struct open_how* how = calloc(1, sizeof *how);
  how->flags = O_RDONLY | O_CLOEXEC;
  how->resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS;
  syscall(SYS_openat2, AT_FDCWD, "/sctrace-none", how, sizeof *how);
  how->resolve = 0x100;
  syscall(SYS_openat2, AT_FDCWD, "/sctrace-none", how, sizeof *how);
  syscall(SYS_openat2, AT_FDCWD, "/sctrace-none", how, 8);
  syscall(SYS_openat2, AT_FDCWD, "/sctrace-none", BAD, sizeof *how);
  how->flags = O_WRONLY | O_CREAT;
  how->mode = 0644;
  how->resolve = 0;
  syscall(SYS_openat2, AT_FDCWD, "/sctrace-none/x", how, sizeof *how);
  how->flags = O_RDONLY;
  how->mode = 0;
  int d = syscall(SYS_openat2, AT_FDCWD, ".", how, sizeof *how);
  close(d);

  aio_context_t ctx = 0;
  syscall(SYS_io_setup, 2, &ctx);
  syscall(SYS_io_setup, 2, BAD);
  syscall(SYS_io_setup, 0, &ctx);
  struct io_event* ev = malloc(2 * sizeof *ev);
  struct __kernel_timespec ts = {1, 0};
  syscall(SYS_io_getevents, actx, 1, 2, ev, &ts);
  syscall(SYS_io_getevents, ctx, 0, 2, ev, &ts);
  syscall(SYS_io_getevents, ctx, 0, 2, ev, NULL);
  syscall(SYS_io_getevents, 0, 1, 2, ev, &ts);
  syscall(SYS_io_getevents, ctx, 0, 2, BAD, BAD);
  syscall(SYS_io_destroy, ctx);
  syscall(SYS_io_destroy, actx);

  /* Rulesets are made, never enforced (no landlock_restrict_self). */
  struct landlock_ruleset_attr* ra = calloc(1, sizeof *ra);
  ra->handled_access_fs = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE;
  int r = syscall(SYS_landlock_create_ruleset, ra, sizeof *ra, 0);
  close(r);
  syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
  syscall(SYS_landlock_create_ruleset, BAD, sizeof *ra, 0);
  syscall(SYS_landlock_create_ruleset, ra, sizeof *ra, HI | 0x2);
  ra->handled_access_fs = 1ULL << 40;
  syscall(SYS_landlock_create_ruleset, ra, sizeof *ra, 0);
  /* A bad descriptor: nothing is ever enforced. The flags have no names. */
  syscall(SYS_landlock_restrict_self, -1, 0);
  syscall(SYS_landlock_restrict_self, -1, HI | 0x5);

  /* Values that differ from the futex words: the calls return at once. */
  uint32_t* word = calloc(1, sizeof *word);
  struct futex_waitv* w = calloc(2, sizeof *w);
  w[0].val = 1;
  w[0].uaddr = (uintptr_t)word;
  w[0].flags = FUTEX_32;
  w[1].val = 2;
  w[1].uaddr = (uintptr_t)word;
  w[1].flags = FUTEX_32 | FUTEX_PRIVATE_FLAG;
  struct __kernel_timespec wt = {0, 1};
  syscall(SYS_futex_waitv, w, 2, 0, &wt, CLOCK_MONOTONIC);
  syscall(SYS_futex_waitv, w, 1, 0, NULL, HI | CLOCK_MONOTONIC);
  w[0].flags = 0x1000;
  syscall(SYS_futex_waitv, w, 1, 0, NULL, CLOCK_MONOTONIC);
  syscall(SYS_futex_waitv, BAD, 1, 0, NULL, CLOCK_MONOTONIC);
  syscall(SYS_futex_waitv, w, 2, 0, BAD, 99);
  w[0].flags = FUTEX_32;
  syscall(SYS_futex_waitv, w, 1, HI | 0x5, NULL, CLOCK_MONOTONIC);  /* flags must be 0 */
  return 0;
}
