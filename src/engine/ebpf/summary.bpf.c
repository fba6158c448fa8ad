// -c in the kernel: count calls, errors and latency per syscall for the
// traced threads, and stream nothing. A traced thread carries a small state
// in its task storage: no hash lookups on the syscall path, which every
// syscall of the machine takes while this is attached. Children get the
// state at fork, in the kernel, so none can run a syscall before it is known.
#include "vmlinux.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "summary_abi.h"

char LICENSE[] SEC("license") = "GPL";

// Filled in by the loader before load (read-only afterwards, so the verifier
// can prune the branches they decide).
const volatile bool follow_forks = false;
const volatile long exec_nrs[2] = {-1, -1};
const volatile unsigned long long wanted[SCT_SET_WORDS] = {};
const volatile unsigned long long never_fails[SCT_SET_WORDS] = {};

struct {
  __uint(type, BPF_MAP_TYPE_TASK_STORAGE);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __type(key, int);
  __type(value, struct sct_task);
} tasks SEC(".maps");

// How many traced threads are alive: user space waits for zero.
struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, __s64);
} live SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, SCT_MAX_SYSCALL);
  __type(key, __u32);
  __type(value, struct sct_count);
} counts SEC(".maps");

static __always_inline bool in_set(const volatile unsigned long long* set, long nr) {
  if (nr < 0 || nr >= SCT_MAX_SYSCALL) return false;
  __u64 n = (__u64)nr;  // the BPF target has no signed division
  return (set[n / 64] >> (n % 64)) & 1;
}

static __always_inline void count_live(__s64 d) {
  __u32 zero = 0;
  __s64* n = bpf_map_lookup_elem(&live, &zero);
  if (n) __sync_fetch_and_add(n, d);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(on_enter, struct pt_regs* regs, long id) {
  struct sct_task* t = bpf_task_storage_get(&tasks, bpf_get_current_task_btf(), 0, 0);
  if (!t) return 0;
  // The started command is counted from its execve, as strace shows it.
  if (t->hidden) {
    if (id != exec_nrs[0] && id != exec_nrs[1]) return 0;
    t->hidden = 0;
  }
  if (!in_set(wanted, id)) return 0;
  t->start_ns = bpf_ktime_get_ns();
  t->nr = id;
  return 0;
}

// A fatal signal is pending (kill(getpid(), SIGKILL)): the call never
// returns to the program, and strace never sees it return either.
static __always_inline bool dying(struct task_struct* task) {
  return task->pending.signal.sig[0] & (1UL << (9 /* SIGKILL */ - 1));
}

SEC("tp_btf/sys_exit")
int BPF_PROG(on_exit, struct pt_regs* regs, long ret) {
  struct task_struct* task = bpf_get_current_task_btf();
  struct sct_task* t = bpf_task_storage_get(&tasks, task, 0, 0);
  if (!t || t->nr < 0) return 0;
  if (dying(task)) {
    t->nr = -1;
    return 0;
  }
  __u64 ns = bpf_ktime_get_ns() - t->start_ns;
  long nr = t->nr;
  t->nr = -1;
  if (nr >= SCT_MAX_SYSCALL) return 0;
  __u32 key = (__u32)nr;
  struct sct_count* c = bpf_map_lookup_elem(&counts, &key);
  if (!c) return 0;
  c->calls++;
  if (ret < 0 && ret >= -4095 && !in_set(never_fails, nr)) c->errors++;
  c->total_ns += ns;
  if (c->calls == 1 || ns < c->min_ns) c->min_ns = ns;
  if (ns > c->max_ns) c->max_ns = ns;
  return 0;
}

// Threads always join their process's tracing; processes only with -f.
SEC("tp_btf/sched_process_fork")
int BPF_PROG(on_fork, struct task_struct* parent, struct task_struct* child) {
  struct sct_task* p = bpf_task_storage_get(&tasks, parent, 0, 0);
  if (!p) return 0;
  bool thread = child->tgid == parent->tgid;
  if (!thread && !follow_forks) return 0;
  struct sct_task* c = bpf_task_storage_get(&tasks, child, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
  if (!c) return 0;
  c->hidden = p->hidden;
  c->nr = -1;
  count_live(1);
  return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(on_task_exit, struct task_struct* task) {
  if (bpf_task_storage_get(&tasks, task, 0, 0) && bpf_task_storage_delete(&tasks, task) == 0) count_live(-1);
  return 0;
}
