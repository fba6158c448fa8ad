/* Which threads are traced, for every program of the eBPF engine: a small
 * state in each traced thread's task storage (no hash lookups on the
 * syscall path, which every syscall of the machine takes while attached),
 * given to children at fork in the kernel, so none can run a syscall before
 * it is known, and a count of the living that user space waits on. */
#ifndef SCTRACE_EBPF_TASKS_BPF_H
#define SCTRACE_EBPF_TASKS_BPF_H

#include "summary_abi.h"

/* Filled in by the loader before load. */
const volatile bool follow_forks = false;
const volatile long exec_nrs[2] = {-1, -1};

struct {
  __uint(type, BPF_MAP_TYPE_TASK_STORAGE);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __type(key, int);
  __type(value, struct sct_task);
} tasks SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, __s64);
} live SEC(".maps");

static __always_inline void count_live(__s64 d) {
  __u32 zero = 0;
  __s64* n = bpf_map_lookup_elem(&live, &zero);
  if (n) __sync_fetch_and_add(n, d);
}

/* The current thread's state if it is traced and past the started
 * command's execve (which it lets through: the exec is shown). */
static __always_inline struct sct_task* traced_task(long id) {
  struct sct_task* t = bpf_task_storage_get(&tasks, bpf_get_current_task_btf(), 0, 0);
  if (!t) return 0;
  if (t->hidden) {
    if (id != exec_nrs[0] && id != exec_nrs[1]) return 0;
    t->hidden = 0;
  }
  return t;
}

/* Threads always join their process's tracing; processes only with -f.
 * Returns the child's new state, or null when it is not traced. */
static __always_inline struct sct_task* follow_fork(struct task_struct* parent, struct task_struct* child) {
  struct sct_task* p = bpf_task_storage_get(&tasks, parent, 0, 0);
  if (!p) return 0;
  bool thread = child->tgid == parent->tgid;
  if (!thread && !follow_forks) return 0;
  struct sct_task* c = bpf_task_storage_get(&tasks, child, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
  if (!c) return 0;
  c->hidden = p->hidden;
  c->nr = SCT_NO_CALL;
  count_live(1);
  return c;
}

/* Forgets an exiting thread; true when it was traced. */
static __always_inline bool forget_task(struct task_struct* task) {
  if (bpf_task_storage_get(&tasks, task, 0, 0) && bpf_task_storage_delete(&tasks, task) == 0) {
    count_live(-1);
    return true;
  }
  return false;
}

/* A fatal signal is pending (kill(getpid(), SIGKILL), exit_group in another
 * thread): the call never returns to the program, and strace never sees it
 * return either. */
static __always_inline bool dying(struct task_struct* task) {
  return task->pending.signal.sig[0] & (1UL << (9 /* SIGKILL */ - 1));
}

/* The traced call the current thread has just left, or SCT_NO_CALL: none,
 * or the thread is dying and the call never returns to the program (its
 * number then stays in the state). `state` gets the thread's state when it
 * was in a call. */
static __always_inline long ended_call_of(struct task_struct* task, struct sct_task** state, bool returns) {
  struct sct_task* t = bpf_task_storage_get(&tasks, task, 0, 0);
  if (!t || t->nr == SCT_NO_CALL) return SCT_NO_CALL;
  *state = t;
  if (!returns && dying(task)) return SCT_NO_CALL;
  long nr = t->nr;
  t->nr = SCT_NO_CALL;
  return nr;
}

/* The same, where the caller knows the call returns to the program although
 * the thread is to die: under ptrace the thread takes its fatal signal on
 * the way back to user space (stream.bpf.c, fatal_signals). */
static __always_inline long ended_call(struct task_struct* task, struct sct_task** state) {
  return ended_call_of(task, state, false);
}

#endif
