/* Shared by summary.bpf.c and the C++ side: the in-kernel -c counters and
 * the configuration the loader fills in before load. Plain C; the C++ side
 * checks the layout with static_assert. */
#ifndef SCTRACE_EBPF_SUMMARY_ABI_H
#define SCTRACE_EBPF_SUMMARY_ABI_H

#define SCT_MAX_SYSCALL 1024 /* the size of the syscall sets (filter_options.hpp) */
#define SCT_SET_WORDS (SCT_MAX_SYSCALL / 64)

/* One per syscall number and CPU: summed by user space at the end. */
struct sct_count {
  unsigned long long calls;
  unsigned long long errors;
  unsigned long long total_ns;
  unsigned long long min_ns;
  unsigned long long max_ns;
};

/* sct_task.nr between calls. Not -1: any other number can be a call's
 * (syscall(-1) enters the kernel, fails with ENOSYS, and strace shows it). */
#define SCT_NO_CALL (-0x7fffffffffffffffLL - 1)

/* Per traced thread (task storage): the call in progress. */
struct sct_task {
  unsigned long long start_ns;
  long long nr;     /* SCT_NO_CALL: none */
  int hidden;       /* the started command before its execve */
  int retry;       /* stream: arguments whose entry copy faulted (a bit each) */
  int deferred;    /* stream: in a call whose entry record is not yet sent */
  int pad;
};

#endif
