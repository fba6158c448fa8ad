// -c in the kernel: count calls, errors and latency per syscall for the
// traced threads (tasks.bpf.h), and stream nothing.
#include "vmlinux.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "tasks.bpf.h"

char LICENSE[] SEC("license") = "GPL";

// Filled in by the loader before load (read-only afterwards, so the verifier
// can prune the branches they decide).
const volatile unsigned long long wanted[SCT_SET_WORDS] = {};
const volatile unsigned long long never_fails[SCT_SET_WORDS] = {};

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

SEC("tp_btf/sys_enter")
int BPF_PROG(on_enter, struct pt_regs* regs, long id) {
  // The started command is counted from its execve, as strace shows it.
  struct sct_task* t = traced_task(id);
  if (!t) return 0;
  if (!in_set(wanted, id)) return 0;
  t->start_ns = bpf_ktime_get_ns();
  t->nr = id;
  return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(on_exit, struct pt_regs* regs, long ret) {
  struct sct_task* t = 0;
  long nr = ended_call(bpf_get_current_task_btf(), &t);
  // Numbers outside the table are not counted, as strace -c leaves them out.
  if (nr == SCT_NO_CALL || !t || nr < 0 || nr >= SCT_MAX_SYSCALL) return 0;
  __u64 ns = bpf_ktime_get_ns() - t->start_ns;
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

SEC("tp_btf/sched_process_fork")
int BPF_PROG(on_fork, struct task_struct* parent, struct task_struct* child) {
  follow_fork(parent, child);
  return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(on_task_exit, struct task_struct* task) {
  forget_task(task);
  return 0;
}
