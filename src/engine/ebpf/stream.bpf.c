// The full trace: for each traced call, a record at entry and one at exit,
// each carrying the tracee memory the capture plan names (copied while the
// call is in progress, when it means what the decoders expect), and records
// for forks, execs, exits and signals. Records go through one ring buffer;
// those that do not fit are counted and reported where they were lost.
#include "vmlinux.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "stream_abi.h"
#include "tasks.bpf.h"
#include "sock_capture.bpf.h"

char LICENSE[] SEC("license") = "GPL";

const volatile unsigned int buf_cap = 32;      /* -s */
const volatile unsigned int argv_str_cap = 34; /* -s + 2: a cut string shows */
const volatile unsigned long long wake_bytes = 65536;
const volatile bool need_time = true; /* false: nothing shows when a call ran */
const volatile unsigned int stack_bytes = 0; /* -k: user stack bytes per record; 0: none */

struct {
  __uint(type, BPF_MAP_TYPE_RINGBUF);
  __uint(max_entries, 1 << 22); /* --ring-buffer-size sets it before load */
} events SEC(".maps");

/* Per syscall number, and one more (SCT_PLAN_OTHER) for every number
 * outside the table's range: syscall(-1), x32 numbers. */
struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __uint(max_entries, SCT_STREAM_MAX_SYSCALL + 1);
  __type(key, __u32);
  __type(value, struct sct_plan);
} plans SEC(".maps");

static __always_inline struct sct_plan* plan_of(long nr) {
  __u32 key = nr >= 0 && nr < SCT_STREAM_MAX_SYSCALL ? (__u32)nr : SCT_PLAN_OTHER;
  return bpf_map_lookup_elem(&plans, &key);
}

/* A record is built here, then copied into the ring buffer at its size.
 * One per CPU (a program runs on one CPU to its end), in a plain array
 * indexed by CPU: a per-CPU map's value cannot pass 32 KiB, and a large -s
 * needs more. The loader sizes it to the possible CPUs. */
struct scratch {
  __u8 bytes[SCT_SCRATCH];
};
struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, struct scratch);
} scratches SEC(".maps");

static __always_inline struct sct_record* scratch(void) {
  __u32 cpu = bpf_get_smp_processor_id();
  return bpf_map_lookup_elem(&scratches, &cpu);
}

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, struct sct_cpu_state);
} cpu_states SEC(".maps");

/* A path being walked: the dentry names, leaf first, and where the walk
 * is. The counters live here, not on the stack, so that the verifier sees
 * them as any number and checks a loop step once: on the stack it follows
 * their exact values through every turn, which made loading slow. */
struct walk {
  const unsigned char* names[SCT_PATH_DEPTH];
  __u64 dentry; /* struct dentry* */
  __u64 mnt;    /* struct mount* */
  __u32 n;      /* names found */
  __u32 len;    /* bytes of the path written */
  __u32 off;    /* where its capture header is in the record */
  __u32 pad;
};
struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, struct walk);
} walks SEC(".maps");

#define OFF_MASK (SCT_BUF_CAP - 1) /* captures start below SCT_BUF_CAP */

static __always_inline struct sct_record* begin(__u16 type, struct task_struct* task) {
  struct sct_record* r = scratch();
  if (!r) return 0;
  r->type = type;
  r->ncaptures = 0;
  r->size = sizeof(*r);
  r->tid = task->pid;
  r->tgid = task->tgid;
  r->ns = need_time ? bpf_ktime_get_ns() : 0;
  r->nr = -1;
  r->ret = 0;
  r->sp = 0;
  r->end_ns = 0;
  r->ip = 0;
  return r;
}

/* How often a CPU looks at how full the buffer is: every record would make
 * each one read the reader's position, a cache line the reader writes. */
#define WAKE_CHECK_EVERY 16

static __always_inline void finish(struct sct_record* r) {
  __u32 zero = 0;
  struct sct_cpu_state* st = bpf_map_lookup_elem(&cpu_states, &zero);
  if (!st) return;
  r->lost = st->lost;
  __u32 size = r->size;
  if (size > SCT_SCRATCH) return;
  // The reader polls; waking it costs an interrupt the CPU sends itself, so
  // it is woken early only when the unread data has grown past wake_bytes
  // since this CPU last looked, not for every record while it stays there.
  __u64 flags = BPF_RB_NO_WAKEUP;
  if (r->type == SCT_REC_TASK_EXIT) {
    // The reader may be waiting for this one to end: it should not wait
    // out its poll period.
    flags = BPF_RB_FORCE_WAKEUP;
  } else if (++st->since_check >= WAKE_CHECK_EVERY) {
    st->since_check = 0;
    __u32 above = bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) > wake_bytes;
    if (above && !st->above) flags = BPF_RB_FORCE_WAKEUP;
    st->above = above;
  }
  if (bpf_ringbuf_output(&events, r, size, flags) == 0)
    st->lost = 0;
  else
    st->lost += 1;
}

enum copy_mode { COPY_BYTES, COPY_STR, COPY_KERNEL_STR };

/* Appends a copy of [addr, addr+want) (or a string there; COPY_KERNEL_STR:
 * a kernel string) to the record being built in this CPU's scratch, as
 * the capture at `at` (0: at addr); false when it could not be read.
 * Global, so the verifier checks it once rather than at each of its many
 * call sites, which made loading slow. */
__noinline int capture_to_scratch(__u64 addr, __u32 want, int mode, __u64 at) {
  struct sct_record* r = scratch();
  if (!r) return 1;
  if (!addr || !want) return 1;
  __u32 off = r->size;
  if (off > OFF_MASK) return 1;
  off &= OFF_MASK;
  __u8* base = (__u8*)r;
  struct sct_capture_hdr* h = (void*)(base + off);
  __u8* data = base + off + sizeof(*h);
  if (want > SCT_BUF_CAP - 1) want = SCT_BUF_CAP - 1;
  asm volatile("" : "+r"(want));  // keep the mask: the verifier needs the bound it gives
  want &= SCT_BUF_CAP - 1;
  long got;
  if (mode != COPY_BYTES) {
    got = mode == COPY_KERNEL_STR ? bpf_probe_read_kernel_str(data, want, (void*)addr)
                                  : bpf_probe_read_user_str(data, want, (void*)addr);
    if (got <= 0) return 0;
    // got counts the NUL, which the helper writes even when it cut the
    // string: only a shorter result proves the string ended.
    bool terminated = got < want;
    h->flags = SCT_CAPF_STR | (terminated ? SCT_CAPF_TERMINATED : 0);
    got -= 1;
  } else {
    if (bpf_probe_read_user(data, want, (void*)addr) != 0) return 0;
    got = want;
    h->flags = 0;
  }
  h->addr = at ? at : addr;
  h->len = (__u32)got;
  r->size = off + sizeof(*h) + (((__u32)got + 7) & ~7u);
  r->ncaptures++;
  return 1;
}

/* The largest of three sizes that can be read at `addr` (a mapping may end
 * before the biggest); false when none could. */
static __always_inline bool capture_fitting(__u64 addr, __u32 big, __u32 mid, __u32 small) {
  return capture_to_scratch(addr, big, COPY_BYTES, 0) || capture_to_scratch(addr, mid, COPY_BYTES, 0) ||
         capture_to_scratch(addr, small, COPY_BYTES, 0);
}

/* A struct of unknown size: the largest window that can be read. */
static __always_inline void capture_window(__u64 addr) {
  if (addr) capture_fitting(addr, SCT_WINDOW, 64, 8);
}

struct strings_ctx {
  __u64* ptrs; /* bpf_loop passes only a stack pointer */
};

static long capture_string(__u32 i, void* arg) {
  struct strings_ctx* c = arg;
  if (i >= SCT_ARGV_MAX) return 1;
  __u64 p = c->ptrs[i];
  if (!p) return 1;
  capture_to_scratch(p, argv_str_cap, COPY_STR, 0);
  return 0;
}

/* argv and envp: up to `count` pointers, and the strings of the first
 * SCT_ARGV_MAX (the exec record brings the others). */
static __always_inline void capture_array(__u64 addr, __u32 count) {
  if (!addr) return;
  // The pointer array first ...
  if (!capture_fitting(addr, count * 8, 64 * 8, 8 * 8)) return;
  // ... then the first SCT_ARGV_MAX strings (bpf_loop: the step is verified
  // once); -v shows the environment's too.
  __u32 zero = 0;
  struct walk* w = bpf_map_lookup_elem(&walks, &zero);
  if (!w) return;
  __u64* ptrs = (__u64*)w->names;
  if (bpf_probe_read_user(ptrs, SCT_ARGV_MAX * 8, (void*)addr) != 0) {
    __builtin_memset(ptrs, 0, SCT_ARGV_MAX * 8);
    bpf_probe_read_user(ptrs, 8 * 8, (void*)addr);
  }
  struct strings_ctx c = {.ptrs = ptrs};
  bpf_loop(SCT_ARGV_MAX, capture_string, &c, 0);
}

struct iov_ctx {
  __u64 addr;  /* the iovec array */
  __s64 left;  /* data bytes still to copy in all; < 0: no limit */
};

static long capture_iov_data(__u32 i, void* arg) {
  struct iov_ctx* c = arg;
  if (c->left == 0) return 1;
  struct iovec iov;
  if (bpf_probe_read_user(&iov, sizeof iov, (void*)(c->addr + (__u64)i * sizeof iov)) != 0) return 1;
  __u64 len = iov.iov_len;
  if (c->left > 0) {
    if (len > (__u64)c->left) len = c->left;
    c->left -= len;
  }
  if (len > buf_cap) len = buf_cap;
  if (len) capture_to_scratch((__u64)iov.iov_base, (__u32)len, COPY_BYTES, 0);
  return 0;
}

/* An iovec array of `count` elements and the data each points at (the
 * decoders show at most -s bytes of each). */
static __always_inline void capture_iov(__u64 addr, __u64 count, __s64 left) {
  if (!addr || !count) return;
  __u32 n = count < SCT_IOV_MAX ? (__u32)count : SCT_IOV_MAX;
  if (!capture_to_scratch(addr, n * 16, COPY_BYTES, 0)) return;
  struct iov_ctx c = {.addr = addr, .left = left};
  bpf_loop(n, capture_iov_data, &c, 0);
}

/* A struct msghdr and what it points at: the address, the control buffer,
 * the iovec array and its data (`left` bytes in all; < 0: no limit). */
static __always_inline void capture_msg(__u64 addr, __s64 left) {
  struct user_msghdr m;
  if (!addr || bpf_probe_read_user(&m, sizeof m, (void*)addr) != 0) return;
  capture_to_scratch(addr, sizeof m, COPY_BYTES, 0);
  __u32 namelen = (__u32)m.msg_namelen;
  if (namelen) capture_to_scratch((__u64)m.msg_name, namelen < SCT_MSG_NAME_MAX ? namelen : SCT_MSG_NAME_MAX, COPY_BYTES, 0);
  __u64 clen = m.msg_controllen;
  if (clen) capture_to_scratch((__u64)m.msg_control, clen < SCT_CONTROL_MAX ? (__u32)clen : SCT_CONTROL_MAX, COPY_BYTES, 0);
  capture_iov((__u64)m.msg_iov, m.msg_iovlen, left);
}

struct mmsg_ctx {
  __u64 addr;    /* the struct mmsghdr array */
  bool by_len;   /* each message's data up to its msg_len (received) */
};

static long capture_one_mmsg(__u32 i, void* arg) {
  struct mmsg_ctx* c = arg;
  __u64 at = c->addr + (__u64)i * 64;  /* sizeof(struct mmsghdr) */
  __s64 left = -1;
  if (c->by_len) {
    __u32 len = 0;
    if (bpf_probe_read_user(&len, sizeof len, (void*)(at + 56)) != 0) return 1;
    left = len;
  }
  capture_msg(at, left);
  return 0;
}

/* sendmmsg/recvmmsg: the first SCT_MMSG_MAX messages of an mmsghdr array. */
static __always_inline void capture_mmsg(__u64 addr, __u64 count, bool by_len) {
  if (!addr || !count) return;
  __u32 n = count < SCT_MMSG_MAX ? (__u32)count : SCT_MMSG_MAX;
  if (!capture_to_scratch(addr, n * 64, COPY_BYTES, 0)) return;
  struct mmsg_ctx c = {.addr = addr, .by_len = by_len};
  bpf_loop(n, capture_one_mmsg, &c, 0);
}

#include "dirents.bpf.h" /* after capture_to_scratch: it builds records alike */

/* False when a string could not be read: its page was not in memory yet,
 * and a tracepoint cannot fault it in. The call itself reads it, so it is
 * copied again at exit. */
static __always_inline bool capture_arg(struct sct_record* r, __u8 kind, __u32 i, long ret, __u32 size,
                                        __u32 count_at) {
  if (i > 5) return true;
  __u64 a = r->args[i & 7];
  switch (kind) {
    case SCT_CAP_STR:
      return capture_to_scratch(a, SCT_STR_CAP, COPY_STR, 0);
    case SCT_CAP_BUF_IN: {
      __u64 len = i < 5 ? r->args[(i + 1) & 7] : 0;
      capture_to_scratch(a, len < buf_cap ? (__u32)len : buf_cap, COPY_BYTES, 0);
      break;
    }
    case SCT_CAP_BUF_RET:
      if (ret > 0) capture_to_scratch(a, (__u64)ret < buf_cap ? (__u32)ret : buf_cap, COPY_BYTES, 0);
      break;
    case SCT_CAP_WINDOW:
      capture_window(a);
      break;
    case SCT_CAP_SIZED:
      if (a && size) capture_to_scratch(a, size, COPY_BYTES, 0);
      break;
    case SCT_CAP_ARRAY: {
      // The decoders show at most -s elements: all of them when they can
      // be read, else as many as the string limit, else one.
      __u64 n = count_at < 6 ? r->args[count_at & 7] : (ret > 0 ? (__u64)ret : 0);
      if (!a || !size || !n) break;
      __u64 bytes = n * size;
      __u64 some = (__u64)buf_cap * size;
      if (bytes > SCT_BUF_CAP - 1) bytes = SCT_BUF_CAP - 1;
      if (some > bytes) some = bytes;
      capture_fitting(a, (__u32)bytes, (__u32)some, size);
      break;
    }
    case SCT_CAP_ARGV:
      capture_array(a, SCT_ENVP_MAX);  // the strings past SCT_ARGV_MAX come with the exec
      break;
    case SCT_CAP_ENVP:
      capture_array(a, SCT_ENVP_MAX);
      break;
    case SCT_CAP_IOV_IN:
      capture_iov(a, i < 5 ? r->args[(i + 1) & 7] : 0, -1);
      break;
    case SCT_CAP_IOV_RET:
      // The array even when nothing was read: "" for each iovec, as strace.
      capture_iov(a, i < 5 ? r->args[(i + 1) & 7] : 0, ret > 0 ? ret : 0);
      break;
    case SCT_CAP_MSG_IN:
      capture_msg(a, -1);
      break;
    case SCT_CAP_MSG_RET:
      if (ret >= 0) capture_msg(a, ret);
      break;
    case SCT_CAP_MMSG_IN:
      capture_mmsg(a, i < 5 ? r->args[(i + 1) & 7] : 0, false);
      break;
    case SCT_CAP_MMSG_RET:
      if (ret > 0) capture_mmsg(a, (__u64)ret, true);
      break;
    case SCT_CAP_MMSG_HDRS: {
      __u64 n = i < 5 ? r->args[(i + 1) & 7] : 0;
      if (a && n) capture_to_scratch(a, (n < SCT_MMSG_MAX ? (__u32)n : SCT_MMSG_MAX) * 64, COPY_BYTES, 0);
      break;
    }
    case SCT_CAP_DIRENTS_RET:
      if (ret > 0) capture_dirents_to_scratch(a, (__u64)ret);
      break;
    case SCT_CAP_EPOLL_RET:
      if (ret > 0) capture_to_scratch(a, (ret < SCT_EPOLL_MAX ? (__u32)ret : SCT_EPOLL_MAX) * SCT_EPOLL_EVENT, COPY_BYTES, 0);
      break;
  }
  return true;
}

struct walk_ctx {
  struct walk* w;
  __u8* base; /* the record; the path goes after its capture header */
};

/* One step up: a dentry's name, or a hop from a mount's root to where it
 * is mounted. */
static long walk_up(__u32 i, void* arg) {
  struct walk_ctx* c = arg;
  struct walk* w = c->w;
  struct dentry* d = (struct dentry*)w->dentry;
  struct mount* m = (struct mount*)w->mnt;
  struct dentry* parent = BPF_CORE_READ(d, d_parent);
  struct dentry* root = BPF_CORE_READ(m, mnt.mnt_root);
  if (d == parent && d != root && w->n == 0) {
    // A file with no place in any tree (anon_inode_getfile's): its name.
    w->names[0] = BPF_CORE_READ(d, d_name.name);
    w->n = 1;
    return 1;
  }
  if (d == root || d == parent) {
    struct mount* up = BPF_CORE_READ(m, mnt_parent);
    if (up == m || !up) return 1;
    w->dentry = (__u64)BPF_CORE_READ(m, mnt_mountpoint);
    w->mnt = (__u64)up;
    return 0;
  }
  __u32 n = w->n;
  if (n >= SCT_PATH_DEPTH) return 1;
  asm volatile("" : "+r"(n));  // as in write_down
  w->names[n & (SCT_PATH_DEPTH - 1)] = BPF_CORE_READ(d, d_name.name);
  w->n = n + 1;
  w->dentry = (__u64)parent;
  return 0;
}

/* One component down from the root: "/name". */
static long write_down(__u32 i, void* arg) {
  struct walk_ctx* c = arg;
  struct walk* w = c->w;
  __u32 n = w->n;
  if (i >= n || n > SCT_PATH_DEPTH) return 1;
  __u32 j = n - 1 - i;
  if (j >= SCT_PATH_DEPTH || w->len > SCT_STR_CAP - 256) return 1;
  asm volatile("" : "+r"(j));  // keep the mask: the verifier needs the bound it gives
  j &= SCT_PATH_DEPTH - 1;
  // Below OFF_MASK (checked by the caller): the mask tells the verifier.
  __u32 pos = (w->off + sizeof(struct sct_capture_hdr) + w->len) & OFF_MASK;
  c->base[pos] = '/';
  pos++;
  long got = bpf_probe_read_kernel_str(c->base + pos, 256, w->names[j]);
  if (got <= 1) return 1;
  w->len += got;
  return 0;
}

/* Appends the absolute path of the `struct path` at `path` (a kernel
 * address) as a string capture at `at`, walking dentries up to the root and
 * crossing mounts, as /proc/PID/fd shows it. Global: verified once. */
__noinline int capture_path_to_scratch(__u64 at, __u64 path) {
  __u32 zero = 0;
  struct walk* w = bpf_map_lookup_elem(&walks, &zero);
  struct sct_record* r = scratch();
  if (!w || !r || !path) return 0;
  __u32 off = r->size;
  if (off > OFF_MASK - SCT_STR_CAP - 64) return 0;
  struct path* p = (struct path*)path;
  struct vfsmount* vm = BPF_CORE_READ(p, mnt);
  w->dentry = (__u64)BPF_CORE_READ(p, dentry);
  w->mnt = (__u64)container_of(vm, struct mount, mnt);
  w->n = 0;
  w->len = 0;
  w->off = off;
  struct walk_ctx c = {.w = w, .base = (__u8*)r};
  bpf_loop(SCT_PATH_DEPTH + 8, walk_up, &c, 0);
  __u8* base = (__u8*)r;
  off &= OFF_MASK;
  struct sct_capture_hdr* h = (void*)(base + off);
  if (w->n == 0) {
    base[off + sizeof(*h)] = '/';
    w->len = 1;
  } else {
    bpf_loop(SCT_PATH_DEPTH, write_down, &c, 0);
  }
  __u32 len = w->len & (SCT_STR_CAP - 1);
  h->addr = at;
  h->len = len;
  h->flags = SCT_CAPF_STR | SCT_CAPF_TERMINATED;
  r->size = off + sizeof(*h) + ((len + 7) & ~7u);
  r->ncaptures++;
  return 0;
}

/* Room in the record for `len` bytes (a multiple of 8, below 256) that the
 * kernel adds at one of the SCT_AT_* addresses; null when the record is full. */
static __always_inline void* add_special(struct sct_record* r, __u64 at, __u32 len) {
  __u32 off = r->size;
  if (off > OFF_MASK) return 0;
  off &= OFF_MASK;
  struct sct_capture_hdr* h = (void*)((__u8*)r + off);
  h->addr = at;
  h->len = len & 255;
  h->flags = 0;
  r->size = off + sizeof(*h) + (len & 255);
  r->ncaptures++;
  return (__u8*)r + off + sizeof(*h);
}

#include "mappings.bpf.h"

/* A stack window [sp, sp+len) as the SCT_AT_USER_STACK capture, a page at
 * a time: the copy cannot fault a page in, and a stack has pages never
 * touched (exec leaves a random gap below the strings, a function's large
 * buffer may never be written); such a page reads as zeros, and the frames
 * above it are still copied. Global: verified once. */
__noinline int capture_stack_pages(__u64 sp, __u32 len) {
  struct sct_record* r = scratch();
  if (!r || !len) return 0;
  __u32 off = r->size;
  if (off > OFF_MASK) return 0;
  off &= OFF_MASK;
  if (len > SCT_BUF_CAP - 8) len = SCT_BUF_CAP - 8;
  __u8* data = (__u8*)r + off + sizeof(struct sct_capture_hdr);
  __u32 done = 0;
  for (int i = 0; i < SCT_STACK_PAGES + 1 && done < len; ++i) {
    __u32 n = 4096 - ((sp + done) & 4095);
    if (n > len - done) n = len - done;
    __u32 at = done;
    asm volatile("" : "+r"(at));  // keep the masks: the verifier needs the bounds they give
    at &= SCT_BUF_CAP - 1;
    asm volatile("" : "+r"(n));
    n &= 8191;
    if (n > 4096) break;
    // Zeros where the page is not in memory (the helper clears on failure).
    bpf_probe_read_user(data + at, n, (void*)(sp + done));
    done += n;
  }
  struct sct_capture_hdr* h = (void*)((__u8*)r + off);
  h->addr = SCT_AT_USER_STACK;
  h->len = done;
  h->flags = 0;
  r->size = off + sizeof(*h) + ((done + 7) & ~7u);
  r->ncaptures++;
  return 0;
}

/* -k: the registers an unwind starts from and the stack above sp, as
 * perf's --call-graph dwarf copies them; user space unwinds the copy with
 * the process's CFI (docs/stack_traces.md).
 *
 * The bytes of stack from sp up that hold frames, at most stack_bytes. The
 * main thread's frames all lie below where its stack pointer was at exec
 * (start_stack: argc, then the argv, envp and auxv arrays, then a random
 * gap and the strings): a copy of what is above would be wasted. No lock is
 * needed to know that. Another stack ends where its mapping does; where
 * bpf_find_vma cannot tell (it cannot always run where the scheduler does:
 * sched_switch sends a deferred entry with interrupts off), the window is
 * stack_bytes, and what lies beyond the mapping reads as zeros. */
static __always_inline __u32 stack_window(struct pt_regs* regs) {
  if (!stack_bytes || !regs) return 0;
  __u64 sp = regs->sp;
  struct task_struct* task = bpf_get_current_task_btf();
  __u64 top = BPF_CORE_READ(task, mm, start_stack) + 64;
  struct mapping m = {};
  if (!(sp < top && top - sp < stack_bytes)) {
    if (bpf_find_vma(task, sp, mapping_found, &m, 0) == 0 && m.end > sp && m.end - sp < stack_bytes)
      top = m.end;
    else
      top = sp + stack_bytes;
  }
  return (__u32)(top - sp + 7) & ~7u;
}

/* -k: the registers and `len` bytes of stack (stack_window's). */
static __always_inline void capture_user_stack_window(struct sct_record* r, struct pt_regs* regs, __u32 len) {
  if (!stack_bytes || !regs) return;
  struct sct_user_regs* u = add_special(r, SCT_AT_USER_REGS, sizeof(struct sct_user_regs));
  if (!u) return;
  u->dwarf[0] = regs->ax;
  u->dwarf[1] = regs->dx;
  u->dwarf[2] = regs->cx;
  u->dwarf[3] = regs->bx;
  u->dwarf[4] = regs->si;
  u->dwarf[5] = regs->di;
  u->dwarf[6] = regs->bp;
  u->dwarf[7] = regs->sp;
  u->dwarf[8] = regs->r8;
  u->dwarf[9] = regs->r9;
  u->dwarf[10] = regs->r10;
  u->dwarf[11] = regs->r11;
  u->dwarf[12] = regs->r12;
  u->dwarf[13] = regs->r13;
  u->dwarf[14] = regs->r14;
  u->dwarf[15] = regs->r15;
  u->dwarf[16] = regs->ip;
  capture_stack_pages(regs->sp, len);
}

static __always_inline void capture_user_stack(struct sct_record* r, struct pt_regs* regs) {
  capture_user_stack_window(r, regs, stack_window(regs));
}

/* Sockets and pipes have no path: /proc names them by inode. The inode also
 * tells user space whether the descriptor is still this file. */
static __always_inline void fill_inode(struct sct_inode* d, struct inode* ino) {
  d->ino = BPF_CORE_READ(ino, i_ino);
  d->mode = BPF_CORE_READ(ino, i_mode);
  d->dev = BPF_CORE_READ(ino, i_sb, s_dev);
  d->magic = BPF_CORE_READ(ino, i_sb, s_magic);
  d->pad = 0;
}

static __always_inline void add_inode(struct sct_record* r, struct inode* ino) {
  struct sct_inode* d = add_special(r, SCT_AT_RET_FD_INODE, sizeof(*d));
  if (d) fill_inode(d, ino);
}

static __always_inline struct file* fd_file(struct task_struct* task, long fd) {
  if (fd < 0) return 0;
  unsigned int max = BPF_CORE_READ(task, files, fdt, max_fds);
  if ((unsigned long)fd >= max) return 0;
  struct file** fds = BPF_CORE_READ(task, files, fdt, fd);
  struct file* f = 0;
  bpf_probe_read_kernel(&f, sizeof f, &fds[fd]);
  return f;
}

/* -y: the two descriptors pipe, pipe2 or socketpair wrote at `addr`, and
 * their inodes (pipes and sockets are named by them). */
static __always_inline void add_fd_pair(struct sct_record* r, struct task_struct* task, __u64 addr) {
  int fds[2];
  if (bpf_probe_read_user(fds, sizeof fds, (void*)addr) != 0) return;
  struct sct_fd_pair* d = add_special(r, SCT_AT_FD_PAIR, sizeof(*d));
  if (!d) return;
  for (int i = 0; i < 2; ++i) {
    d->fd[i] = fds[i];
    __builtin_memset(&d->inode[i], 0, sizeof d->inode[i]);
    struct file* f = fd_file(task, fds[i]);
    if (f) fill_inode(&d->inode[i], BPF_CORE_READ(f, f_inode));
  }
}

struct args_ctx {
  struct sct_record* r;
  const unsigned char* kinds; /* the plan's, or null: nothing but `again` */
  const unsigned short* sizes; /* the plan's struct sizes (SCT_CAP_SIZED, SCT_CAP_ARRAY) */
  const unsigned char* counts; /* the plan's array counts (SCT_CAP_ARRAY) */
  long ret;
  int again;  /* strings to copy again at exit: their entry copy faulted */
  int retry;  /* out: strings whose copy faulted now */
};

static long capture_one(__u32 i, void* arg) {
  struct args_ctx* c = arg;
  if (i > 5) return 1;
  __u32 at = i;
  asm volatile("" : "+r"(at));  // keep the mask: the verifier needs the bound it gives
  at &= 7;
  if (c->again & (1 << at)) capture_arg(c->r, SCT_CAP_STR, at, c->ret, 0, 0);
  __u8 kind = c->kinds ? c->kinds[at] : 0;
  __u32 size = c->sizes ? c->sizes[at] : 0;
  __u32 count_at = c->counts ? c->counts[at] : 0;
  if (kind && !capture_arg(c->r, kind, at, c->ret, size, count_at)) c->retry |= 1 << at;
  return 0;
}

static __always_inline void read_args(struct sct_record* r, struct pt_regs* regs) {
  r->args[0] = regs->di;
  r->args[1] = regs->si;
  r->args[2] = regs->dx;
  r->args[3] = regs->r10;
  r->args[4] = regs->r8;
  r->args[5] = regs->r9;
}

/* The entry captures and the cwd (-y) of the current call into `r`;
 * returns the arguments whose string copy faulted. */
static __always_inline int entry_captures(struct sct_record* r, struct sct_plan* p, struct task_struct* task) {
  struct args_ctx c = {.r = r, .kinds = p->entry, .sizes = p->size, .counts = p->count};
  if (p->entry_n) bpf_loop(p->entry_n, capture_one, &c, 0);
  sock_entry_captures(r, task);
  if (p->stack) capture_window(r->sp);
  if (p->cwd) {
    // Read, not followed: the function takes the address as a number.
    struct fs_struct* fs = BPF_CORE_READ(task, fs);
    capture_path_to_scratch(SCT_AT_CWD, (__u64)fs + bpf_core_field_offset(struct fs_struct, pwd));
  }
  return c.retry;
}

/* Only one thread is traced: nothing can come between its entry and exit. */
static __always_inline bool alone(void) {
  __u32 zero = 0;
  __s64* n = bpf_map_lookup_elem(&live, &zero);
  return n && *n == 1;
}

/* Sends the entry record of a call whose entry was held back (defer),
 * from the thread's own context: its registers and memory are at hand. */
static __always_inline void send_deferred_entry(struct task_struct* task, struct sct_task* t) {
  t->deferred = 0;
  long nr = t->nr;
  if (nr == SCT_NO_CALL) return;
  struct sct_plan* p = plan_of(nr);
  struct pt_regs* regs = (struct pt_regs*)bpf_task_pt_regs(task);
  if (!p || !regs) return;
  struct sct_record* r = begin(SCT_REC_ENTER, task);
  if (!r) return;
  r->ns = t->start_ns;
  r->nr = nr;
  read_args(r, regs);
  r->sp = regs->sp;
  r->ip = regs->ip;
  t->retry = entry_captures(r, p, task);
  capture_user_stack(r, regs);
  finish(r);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(on_enter, struct pt_regs* regs, long id) {
  struct sct_task* t = traced_task(id);
  if (!t) return 0;
  struct sct_plan* p = plan_of(id);
  if (!p) return 0;
  if (!p->traced) {
    // -k: an untraced call that maps memory still sends its mapping at exit.
    if (p->maps && stack_bytes) {
      t->nr = id;
      t->deferred = 0;
    }
    return 0;
  }
  t->nr = id;
  sock_stash_entry(bpf_get_current_task_btf(), id, regs);
  // Half the records, and half the reader's work: the exit sends the call.
  if (p->defer && alone()) {
    t->deferred = 1;
    t->start_ns = need_time ? bpf_ktime_get_ns() : 0;
    return 0;
  }
  t->deferred = 0;
  struct task_struct* task = bpf_get_current_task_btf();
  struct sct_record* r = begin(SCT_REC_ENTER, task);
  if (!r) return 0;
  r->nr = id;
  read_args(r, regs);
  r->sp = regs->sp;
  r->ip = regs->ip;
  t->retry = entry_captures(r, p, task);
  capture_user_stack(r, regs);
  finish(r);
  return 0;
}

/* A fatal signal the kernel turned into the whole group's exit as it was
 * sent (a default action that kills without a core dump: kill(getpid(),
 * SIGTERM), SIGPIPE, timeout's SIGTERM). Under ptrace the thread it was sent
 * to still returns from its call, is shown the signal, then dies; here the
 * kernel queues SIGKILL at once and never delivers the signal itself. So
 * the signal is kept for that thread when it is sent, and shown after the
 * call it is in returns, or as the thread exits. */
struct fatal_signal {
  int sig;
  int shown;
  __u8 info[48];
};
struct {
  __uint(type, BPF_MAP_TYPE_TASK_STORAGE);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __type(key, int);
  __type(value, struct fatal_signal);
} fatal_signals SEC(".maps");

#define SCT_SIGNAL_GROUP_EXIT 0x4 /* include/linux/sched/signal.h */

static __always_inline struct fatal_signal* pending_fatal(struct task_struct* task) {
  struct fatal_signal* f = bpf_task_storage_get(&fatal_signals, task, 0, 0);
  return f && f->sig && !f->shown ? f : 0;
}

static __always_inline void send_fatal(struct task_struct* task, struct fatal_signal* f) {
  f->shown = 1;
  struct sct_record* r = begin(SCT_REC_SIGNAL, task);
  if (!r) return;
  r->args[0] = f->sig;
  struct pt_regs* regs = (struct pt_regs*)bpf_task_pt_regs(task);
  if (regs) {
    r->ip = regs->ip;
    r->nr = regs->orig_ax;
  }
  __u8* data = add_special(r, SCT_AT_SIGINFO, 48);
  if (!data) return;
  __builtin_memcpy(data, f->info, 48);
  finish(r);
}

static __always_inline int exit_record(struct task_struct* task, struct pt_regs* regs, long ret, bool returns);

SEC("tp_btf/sys_exit")
int BPF_PROG(on_exit, struct pt_regs* regs, long ret) {
  struct task_struct* task = bpf_get_current_task_btf();
  struct fatal_signal* f = pending_fatal(task);
  exit_record(task, regs, ret, f != 0);
  if (f) send_fatal(task, f);
  return 0;
}

static __always_inline int exit_record(struct task_struct* task, struct pt_regs* regs, long ret, bool returns) {
  struct sct_task* t = 0;
  // Killed inside the call: its end is the thread's exit record.
  long nr = ended_call_of(task, &t, returns);
  if (!t) return 0;
  if (nr == SCT_NO_CALL) {
    // Dying inside a call held back: strace shows it entered, unfinished.
    if (t->deferred) send_deferred_entry(task, t);
    t->nr = SCT_NO_CALL;
    return 0;
  }
  struct sct_plan* p = plan_of(nr);
  if (!p) return 0;
  if (!p->traced) {
    if (p->maps && stack_bytes && !(ret < 0 && ret >= -4095)) send_mapping_at(task, ret, regs->di);
    return 0;
  }
  bool whole = t->deferred;
  t->deferred = 0;
  struct sct_record* r = begin(whole ? SCT_REC_CALL : SCT_REC_EXIT, task);
  if (!r) return 0;
  r->nr = nr;
  r->ret = ret;
  // The argument registers still hold what the call was given.
  read_args(r, regs);
  bool failed = ret < 0 && ret >= -4095;
  if (whole) {
    r->end_ns = r->ns;
    r->ns = t->start_ns;
    r->sp = regs->sp;
    r->ip = regs->ip;
    t->retry = 0;
    entry_captures(r, p, task);
  }
  // -k: a capture must start in the record's first SCT_BUF_CAP bytes: a
  // small window goes before what the call returned (which may be as large),
  // a large one after it.
  __u32 window = whole || p->user_stack_at_exit ? stack_window(regs) : 0;
  bool early = window && window <= SCT_BUF_CAP / 2;
  if (early) capture_user_stack_window(r, regs, window);
  struct args_ctx c = {.r = r, .kinds = failed ? 0 : p->exit, .sizes = p->size, .counts = p->count, .ret = ret, .again = t->retry};
  // Calls without anything to copy (most of them) skip the loop.
  if (t->retry) bpf_loop(6, capture_one, &c, 0);
  else if (!failed && p->exit_n) bpf_loop(p->exit_n, capture_one, &c, 0);
  if (p->ret_fd && !failed) {
    // The process may be gone before user space could ask /proc.
    struct file* f = fd_file(task, ret);
    if (f) {
      capture_path_to_scratch(SCT_AT_RET_FD_PATH, (__u64)f + bpf_core_field_offset(struct file, f_path));
      add_inode(r, BPF_CORE_READ(f, f_inode));
    }
  }
  if (p->fd_pair && !failed) add_fd_pair(r, task, r->args[(p->fd_pair - 1) & 7]);
  sock_exit_captures(r, task, nr, ret, regs);
  if (window && !early) capture_user_stack_window(r, regs, window);
  finish(r);
  if (p->maps && stack_bytes && !failed) send_mapping_at(task, ret, regs->di);
  return 0;
}

/* A call held back that blocks (or is preempted) is shown as entered, as
 * strace shows a call that waits. The switch runs as the thread leaving. */
SEC("tp_btf/sched_switch")
int BPF_PROG(on_switch, bool preempt, struct task_struct* prev, struct task_struct* next) {
  struct sct_task* t = bpf_task_storage_get(&tasks, prev, 0, 0);
  if (!t || !t->deferred) return 0;
  send_deferred_entry(prev, t);
  return 0;
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(on_fork, struct task_struct* parent, struct task_struct* child) {
  struct sct_task* c = follow_fork(parent, child);
  if (!c || c->hidden) return 0;
  struct sct_record* r = begin(SCT_REC_FORK, parent);
  if (!r) return 0;
  r->args[0] = child->pid;
  r->args[1] = child->tgid;
  finish(r);
  return 0;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(on_exec, struct task_struct* task, pid_t old_pid, struct linux_binprm* bprm) {
  struct sct_task* t = bpf_task_storage_get(&tasks, task, 0, 0);
  if (!t || t->hidden) return 0;
  struct sct_record* r = begin(SCT_REC_EXEC, task);
  if (!r) return 0;
  r->args[0] = old_pid;
  // What the call was given, as the exec copied it: its strings may not
  // have been in memory at entry (a page not yet touched), and the old
  // memory is gone now. The path the kernel took, and argv as it lies on
  // the new stack, unless an interpreter (#!) rewrote it.
  const char* filename = BPF_CORE_READ(bprm, filename);
  capture_to_scratch((__u64)filename, SCT_STR_CAP, COPY_KERNEL_STR, SCT_AT_EXEC_PATH);
  if (BPF_CORE_READ(bprm, interp) == filename) {
    __u64 start = BPF_CORE_READ(task, mm, arg_start);
    __u64 end = BPF_CORE_READ(task, mm, arg_end);
    if (end > start) capture_to_scratch(start, end - start, COPY_BYTES, SCT_AT_EXEC_ARGV);
  }
  __u64 env = BPF_CORE_READ(task, mm, env_start);
  __u64 env_end = BPF_CORE_READ(task, mm, env_end);
  if (env_end > env) capture_to_scratch(env, env_end - env, COPY_BYTES, SCT_AT_EXEC_ENV);
  finish(r);
  if (stack_bytes) send_all_mappings(task);
  return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(on_task_exit, struct task_struct* task) {
  struct sct_task* t = bpf_task_storage_get(&tasks, task, 0, 0);
  if (!t) return 0;
  bool hidden = t->hidden;
  // Killed by a fatal signal outside any call: shown before its end.
  struct fatal_signal* f = pending_fatal(task);
  if (f && !hidden) send_fatal(task, f);
  bpf_task_storage_delete(&fatal_signals, task);
  forget_task(task);
  if (hidden) return 0;
  struct sct_record* r = begin(SCT_REC_TASK_EXIT, task);
  if (!r) return 0;
  r->args[0] = task->exit_code;
  struct task_struct* execing = BPF_CORE_READ(task, signal, group_exec_task);
  r->args[1] = execing && execing != task;
  finish(r);
  return 0;
}

static __always_inline void signal_record(struct task_struct* task, int sig, struct kernel_siginfo* info) {
  struct sct_task* t = bpf_task_storage_get(&tasks, task, 0, 0);
  if (!t || t->hidden) return;
  struct sct_record* r = begin(SCT_REC_SIGNAL, task);
  if (!r) return;
  r->args[0] = sig;
  // Where the signal finds the thread (-i), and the call it is in (-n).
  struct pt_regs* regs = (struct pt_regs*)bpf_task_pt_regs(task);
  if (regs) {
    r->ip = regs->ip;
    r->nr = regs->orig_ax;
  }
  __u8* data = add_special(r, SCT_AT_SIGINFO, 48);
  if (!data) return;
  __builtin_memset(data, 0, 48);
  if ((unsigned long)info > 4096) {
    bpf_probe_read_kernel(data, 48, info);
  } else {
    // SEND_SIG_NOINFO (from user space) or SEND_SIG_PRIV (the kernel)
    ((int*)data)[0] = sig;
    ((int*)data)[2] = info ? 0x80 /* SI_KERNEL */ : 0 /* SI_USER */;
  }
  // Delivered on the thread's way back to user space: its registers are
  // where it will resume (a signal only generated is not the thread's own).
  if (task == bpf_get_current_task_btf()) capture_user_stack(r, (struct pt_regs*)bpf_task_pt_regs(task));
  finish(r);
}

SEC("tp_btf/signal_deliver")
int BPF_PROG(on_signal_deliver, int sig, struct kernel_siginfo* info) {
  // SIGKILL is "delivered" to each thread of a group that exits (exit_group,
  // another thread's execve, kill -9); ptrace never stops for it, and strace
  // shows only how each thread ended.
  if (sig == 9 /* SIGKILL */) return 0;
  signal_record(bpf_get_current_task_btf(), sig, info);
  return 0;
}

// A signal whose action is to be ignored is dropped when it is sent and
// never delivered; strace still shows it (a traced thread is sent them all).
SEC("tp_btf/signal_generate")
int BPF_PROG(on_signal_generate, int sig, struct kernel_siginfo* info, struct task_struct* task, int group,
             int result) {
  struct signal_struct* sigs = BPF_CORE_READ(task, signal);
  const bool exiting = BPF_CORE_READ(sigs, flags) & SCT_SIGNAL_GROUP_EXIT;
  // A signal sent to a group already on its way out is dropped too; strace,
  // whose tracee died of the first, shows none of those.
  if (result == 1 /* TRACE_SIGNAL_IGNORED */ && !exiting) signal_record(task, sig, info);
  // Delivered, and made the group's exit at once (see fatal_signals).
  if (result != 0 /* TRACE_SIGNAL_DELIVERED */ || sig == 9 /* SIGKILL */) return 0;
  if (!exiting || BPF_CORE_READ(sigs, group_exit_code) != sig) return 0;
  struct sct_task* t = bpf_task_storage_get(&tasks, task, 0, 0);
  if (!t || t->hidden) return 0;
  struct fatal_signal* f = bpf_task_storage_get(&fatal_signals, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
  if (!f || f->sig) return 0;
  f->sig = sig;
  __builtin_memset(f->info, 0, sizeof f->info);
  // What the kernel queued, as ptrace would have handed it over: the last
  // entry of the pending list the signal went to (the sender's pid for one
  // sent without a siginfo, as SIGPIPE is).
  struct sigpending* pending = group ? __builtin_preserve_access_index(&sigs->shared_pending)
                                     : __builtin_preserve_access_index(&task->pending);
  struct list_head* head = __builtin_preserve_access_index(&pending->list);
  struct sigqueue* q = (struct sigqueue*)BPF_CORE_READ(pending, list.prev);
  if (q && (void*)q != (void*)head) bpf_core_read(f->info, sizeof f->info, &q->info);
  if (((int*)f->info)[0] != sig) {
    __builtin_memset(f->info, 0, sizeof f->info);
    ((int*)f->info)[0] = sig;
    ((int*)f->info)[2] = (unsigned long)info == 1 /* SEND_SIG_PRIV */ ? 0x80 /* SI_KERNEL */ : 0 /* SI_USER */;
  }
  return 0;
}
