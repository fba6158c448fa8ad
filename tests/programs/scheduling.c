/* Scheduling and identity calls whose arguments point at structs or single
 * values (src/syscalls/structs.def): success, failure (out-values print as
 * addresses), bad pointers, unknown policies, high bits above ints. Every
 * change asked for is refused or leaves things as they were. */
#define _GNU_SOURCE
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <linux/time_types.h>
#include <unistd.h>
#include "marker.h"

#define HI 0xffffffff00000000UL

/* <linux/sched/types.h> cannot be included beside <sched.h>. */
struct sched_attr {
  uint32_t size, sched_policy;
  uint64_t sched_flags;
  int32_t sched_nice;
  uint32_t sched_priority;
  uint64_t sched_runtime, sched_deadline, sched_period;
  uint32_t sched_util_min, sched_util_max;
};
#define BAD ((void*)1)

int main(void) {
  BEGIN();
  struct sched_param* sp = malloc(sizeof *sp);
  sp->sched_priority = 0;
  syscall(SYS_sched_getparam, 0, sp);
  syscall(SYS_sched_getparam, -1, sp);
  syscall(SYS_sched_getparam, 0, BAD);
  syscall(SYS_sched_setparam, 0, sp);
  syscall(SYS_sched_setparam, HI, BAD);
  syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, sp);
  syscall(SYS_sched_setscheduler, 0, SCHED_BATCH | SCHED_RESET_ON_FORK, sp);
  syscall(SYS_sched_setscheduler, 0, HI | 0x99, sp);
  syscall(SYS_sched_setscheduler, -1, SCHED_IDLE, sp);
  syscall(SYS_sched_setscheduler, 0, SCHED_FIFO, BAD);
  sp->sched_priority = -5;
  syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, sp);
  syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, NULL);

  /* sched_attr: both versions, kept policy and parameters, bad flags; every
   * change asked for keeps SCHED_OTHER or is refused. */
  struct sched_attr* at = calloc(1, sizeof *at);
  syscall(SYS_sched_getattr, 0, at, sizeof *at, 0);
  syscall(SYS_sched_getattr, 0, at, 48, 0);
  syscall(SYS_sched_getattr, 0, BAD, sizeof *at, 0);
  syscall(SYS_sched_getattr, 0, at, sizeof *at, 1);
  syscall(SYS_sched_getattr, 0, at, 8, 0);
  at->size = 48;
  at->sched_runtime = 0;
  syscall(SYS_sched_setattr, 0, at, 0);
  at->sched_flags = 0x40 | 0x100;
  syscall(SYS_sched_setattr, 0, at, 0);
  at->sched_flags = 0x7f;
  syscall(SYS_sched_setattr, 0, at, 0);
  at->sched_flags = 0x08;
  syscall(SYS_sched_setattr, 0, at, 0);
  at->sched_flags = 0x10;
  syscall(SYS_sched_setattr, 0, at, 0);
  at->size = 56;
  at->sched_flags = 0x18;
  syscall(SYS_sched_setattr, 0, at, 0);
  at->size = 0;
  at->sched_flags = 0x180;
  syscall(SYS_sched_setattr, HI, at, HI | 7);
  syscall(SYS_sched_setattr, 0, BAD, 0);

  struct __kernel_timespec ts;
  syscall(SYS_sched_rr_get_interval, 0, &ts);
  syscall(SYS_sched_rr_get_interval, 0, BAD);
  syscall(SYS_sched_rr_get_interval, -1, &ts);

  /* CPU 0 alone: a mask every machine accepts (this process only). */
  cpu_set_t* set = calloc(1, sizeof *set);
  CPU_SET(0, set);
  syscall(SYS_sched_setaffinity, 0, sizeof *set, set);
  syscall(SYS_sched_setaffinity, 0, 8, BAD);
  syscall(SYS_sched_setaffinity, -1, 8, set);
  syscall(SYS_sched_setaffinity, 0, 0, set);

  unsigned* ids = malloc(3 * sizeof *ids);
  syscall(SYS_getresuid, &ids[0], &ids[1], &ids[2]);
  syscall(SYS_getresgid, &ids[0], &ids[1], &ids[2]);
  syscall(SYS_getresuid, NULL, &ids[1], &ids[2]);
  syscall(SYS_getresgid, &ids[0], &ids[1], BAD);

  /* The node only: which CPU the call ran on changes between runs. */
  unsigned node;
  syscall(SYS_getcpu, NULL, &node, NULL);
  syscall(SYS_getcpu, NULL, NULL, NULL);
  syscall(SYS_getcpu, BAD, &node, (void*)2);
  syscall(SYS_getcpu, NULL, &node, (void*)0x7fff12345678);

  /* The robust list head is an address the kernel keeps, not read. */
  syscall(SYS_set_robust_list, NULL, 0xffffffffUL);
  syscall(SYS_set_robust_list, (void*)0x1000, 25);  /* a wrong size: EINVAL, the list stays */
  syscall(SYS_set_robust_list, BAD, 1);
  return 0;
}
