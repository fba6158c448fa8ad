/* -yy (--decode-fds=socket): a copy of what the kernel knows of each socket
 * a record's call prints with its endpoints, taken when strace would ask
 * NETLINK_SOCK_DIAG about it: at entry for the descriptors the call is
 * given, at exit for those it returns (socket, accept, dup) or writes
 * (socketpair). User space turns each copy into what sock_diag would have
 * answered then (session/sock_endpoints.cpp). Included by stream.bpf.c;
 * nothing here runs unless sock_details is set. */
#ifndef SCTRACE_EBPF_SOCK_CAPTURE_BPF_H
#define SCTRACE_EBPF_SOCK_CAPTURE_BPF_H

#include "sock_abi.h"
#include "stream_abi.h"

#define SCT_S_IFMT 00170000
#define SCT_S_IFSOCK 0140000
#define SCT_AF_INET 2
#define SCT_AF_INET6 10
#define SCT_AF_UNIX 1
#define SCT_AF_NETLINK 16
#define SCT_IPPROTO_TCP 6
#define SCT_IPPROTO_UDP 17

const volatile bool sock_details = false; /* -yy, --decode-fds=socket */
const volatile unsigned long long own_netns = 0; /* sctrace's: sock_diag answers for it */

/* Inodes whose full copy was sent in a state sock_diag lists and strace
 * keeps (session/fd_details.cpp: the first answer of an inet or netlink
 * socket, of a UNIX socket with a peer or a name): later copies are short.
 * Most calls on a socket come after that, so most copies are 24 bytes. */
struct {
  __uint(type, BPF_MAP_TYPE_LRU_HASH);
  __uint(max_entries, 8192);
  __type(key, __u64);
  __type(value, __u8);
} sock_known SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __uint(max_entries, SCT_STREAM_MAX_SYSCALL + 1);
  __type(key, __u32);
  __type(value, struct sct_sock_plan);
} sock_plans SEC(".maps");

/* The entry's copies of the current call, per thread: a call whose entry
 * record is held back (one record per call) is sent at its exit, and its
 * descriptors must read as they were when it was entered. */
struct sock_stash {
  __u32 n;
  __u32 len[SCT_SOCK_ENTRY_MAX]; /* of each copy */
  __u32 pad;
  struct sct_sock s[SCT_SOCK_ENTRY_MAX];
};
struct {
  __uint(type, BPF_MAP_TYPE_TASK_STORAGE);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __type(key, int);
  __type(value, struct sock_stash);
} sock_stashes SEC(".maps");

/* The file of a task's descriptor, or null. This runs for every call
 * with a descriptor under -yy: the task's own pointers are followed by
 * plain loads (BTF), and only the slot of the descriptor table and the
 * file are read with helpers. */
static __always_inline struct file* sock_fd_file(struct task_struct* task, int fd) {
  if (fd < 0) return 0;
  struct fdtable* fdt = task->files->fdt;
  if (!fdt || (unsigned int)fd >= fdt->max_fds) return 0;
  struct file** fds = fdt->fd;
  struct file* f = 0;
  bpf_probe_read_kernel(&f, sizeof f, fds + fd);
  return f;
}

static __always_inline struct sct_sock_plan* sock_plan_of(long nr) {
  __u32 key = nr >= 0 && nr < SCT_STREAM_MAX_SYSCALL ? (__u32)nr : SCT_PLAN_OTHER;
  return bpf_map_lookup_elem(&sock_plans, &key);
}

/* What sock_diag's answer is made of (net/ipv4/inet_diag.c,
 * net/unix/diag.c, net/netlink/diag.c), read from the socket of `fd`;
 * returns the bytes of the copy (SCT_SOCK_SHORT when its inode is known),
 * 0 when `fd` is not a socket. */
static __noinline __u32 sock_copy(struct sct_sock* s, struct task_struct* task, int fd, int phase) {
  if (!s) return 0;
  struct file* f = sock_fd_file(task, fd);
  if (!f) return 0;
  struct inode* ino = BPF_CORE_READ(f, f_inode);
  if ((BPF_CORE_READ(ino, i_mode) & SCT_S_IFMT) != SCT_S_IFSOCK) return 0;
  __u64 inode = BPF_CORE_READ(ino, i_ino);
  __builtin_memset(s, 0, SCT_SOCK_SHORT);
  s->ino = inode;
  s->fd = fd;
  s->phase = phase;
  if (bpf_map_lookup_elem(&sock_known, &inode)) {
    s->flags = SCT_SOCKF_KNOWN;
    return SCT_SOCK_SHORT;
  }
  __builtin_memset((__u8*)s + SCT_SOCK_SHORT, 0, sizeof(*s) - SCT_SOCK_SHORT);
  // The name the file was made with is the protocol's, and what getxattr's
  // system.sockprotoname reads (net/socket.c, sock_alloc_file).
  bpf_probe_read_kernel_str(s->proto, sizeof(s->proto), BPF_CORE_READ(f, f_path.dentry, d_name.name));
  struct socket* sock = BPF_CORE_READ(f, private_data);
  struct sock* sk = BPF_CORE_READ(sock, sk);
  if (!sk) return SCT_SOCK_HEAD;
  // Whether user space keeps what this copy says for good (known below).
  bool final = false;
  s->family = BPF_CORE_READ(sk, __sk_common.skc_family);
  s->state = BPF_CORE_READ(sk, __sk_common.skc_state);
  s->protocol = BPF_CORE_READ(sk, sk_protocol);
  s->netns = BPF_CORE_READ(sk, __sk_common.skc_net.net, ns.inum);
  s->hashed = BPF_CORE_READ(sk, __sk_common.skc_node.pprev) != 0;
  s->num = BPF_CORE_READ(sk, __sk_common.skc_num);
  if (s->family == SCT_AF_INET || s->family == SCT_AF_INET6) {
    s->sport = BPF_CORE_READ((struct inet_sock*)sk, inet_sport);
    s->dport = BPF_CORE_READ(sk, __sk_common.skc_dport);
    __u16 proto = s->protocol;
    // Hashed: listening or connected (TCP), bound (UDP, whose state stays
    // TCP_CLOSE until it connects).
    final = s->hashed && (proto == SCT_IPPROTO_UDP || (proto == SCT_IPPROTO_TCP && s->state != TCP_CLOSE));
    if (s->family == SCT_AF_INET6) {
      BPF_CORE_READ_INTO(&s->src, sk, __sk_common.skc_v6_rcv_saddr);
      BPF_CORE_READ_INTO(&s->dst, sk, __sk_common.skc_v6_daddr);
    } else {
      s->src[0] = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
      s->dst[0] = BPF_CORE_READ(sk, __sk_common.skc_daddr);
    }
  } else if (s->family == SCT_AF_UNIX) {
    struct unix_sock* u = (struct unix_sock*)sk;
    struct unix_address* addr = BPF_CORE_READ(u, addr);
    if (addr) {
      // addr->len counts sun_family: the name is the rest.
      int len = BPF_CORE_READ(addr, len) - 2;
      if (len > 0) {
        // A fixed size for the verifier: the bytes past the name are not
        // looked at (name_len), and a read that faults leaves zeros.
        bpf_probe_read_kernel(s->name, sizeof(s->name),
                              (char*)addr + bpf_core_field_offset(struct unix_address, name) + 2);
        s->name_len = len > SCT_SOCK_NAME_MAX ? SCT_SOCK_NAME_MAX : len;
      }
    }
    // The peer's inode while the peer has a file (sock_i_ino): a closed
    // peer, or an embryo not yet accepted, has none and shows as no peer.
    struct sock* peer = BPF_CORE_READ(u, peer);
    struct socket* ps = peer ? BPF_CORE_READ(peer, sk_socket) : 0;
    if (ps) s->peer_ino = BPF_CORE_READ(container_of(ps, struct socket_alloc, socket), vfs_inode.i_ino);
    final = s->peer_ino || s->name_len;
  } else if (s->family == SCT_AF_NETLINK) {
    struct netlink_sock* n = (struct netlink_sock*)sk;
    s->portid = BPF_CORE_READ(n, portid);
    if (BPF_CORE_READ(n, bound) || BPF_CORE_READ(n, subscriptions)) s->flags = SCT_SOCKF_NL_LISTED;
    final = s->flags & SCT_SOCKF_NL_LISTED;
  }
  // Another namespace's sockets are never in sock_diag's answers.
  if (final && s->netns == own_netns) {
    __u8 one = 1;
    bpf_map_update_elem(&sock_known, &inode, &one, BPF_ANY);
  }
  return SCT_SOCK_HEAD + ((s->name_len + 7) & ~7u);
}

static __always_inline long sock_arg(struct pt_regs* regs, int i) {
  switch (i) {
    case 0: return regs->di;
    case 1: return regs->si;
    case 2: return regs->dx;
    case 3: return regs->r10;
    case 4: return regs->r8;
    default: return regs->r9;
  }
}

/* At a traced call's entry: the sockets of its descriptor arguments, kept
 * until its entry record is written (sock_entry_captures). */
static __always_inline void sock_stash_entry(struct task_struct* task, long nr, struct pt_regs* regs) {
  if (!sock_details) return;
  struct sct_sock_plan* p = sock_plan_of(nr);
  if (!p) return;
  __u8 fds = p->entry_fds;
  struct sock_stash* st = bpf_task_storage_get(&sock_stashes, task, 0, fds ? BPF_LOCAL_STORAGE_GET_F_CREATE : 0);
  if (!st) return;
  st->n = 0;
  for (int i = 0; i < 6 && fds; ++i) {
    if (!(fds & (1 << i))) continue;
    fds &= ~(1 << i);
    __u32 n = st->n;
    if (n >= SCT_SOCK_ENTRY_MAX) break;
    n &= SCT_SOCK_ENTRY_MAX - 1;
    __u32 len = sock_copy(&st->s[n], task, (int)sock_arg(regs, i), SCT_SOCK_AT_ENTRY);
    if (!len) continue;
    st->len[n] = len;
    st->n = n + 1;
  }
}

/* Room for one struct sct_sock in the record (its capture header not yet
 * written); null when the record is full. */
static __always_inline struct sct_sock* sock_slot(struct sct_record* r) {
  __u32 off = r->size;
  if (off > SCT_BUF_CAP - 1) return 0;
  off &= SCT_BUF_CAP - 1;
  return (struct sct_sock*)((__u8*)r + off + sizeof(struct sct_capture_hdr));
}

/* The copy in the slot becomes a capture of `len` bytes (0: none). */
static __always_inline void sock_commit(struct sct_record* r, __u32 len) {
  __u32 off = r->size;
  if (!len || off > SCT_BUF_CAP - 1 || len > sizeof(struct sct_sock)) return;
  off &= SCT_BUF_CAP - 1;
  struct sct_capture_hdr* h = (void*)((__u8*)r + off);
  h->addr = SCT_AT_SOCK;
  h->len = len;
  h->flags = 0;
  r->size = off + sizeof(*h) + ((len + 7) & ~7u);  // captures are 8-aligned
  r->ncaptures++;
}

/* The entry's copies into the record that carries the entry's captures. */
static __always_inline void sock_entry_captures(struct sct_record* r, struct task_struct* task) {
  if (!sock_details) return;
  struct sock_stash* st = bpf_task_storage_get(&sock_stashes, task, 0, 0);
  if (!st) return;
  for (int i = 0; i < SCT_SOCK_ENTRY_MAX; ++i) {
    if (i >= st->n) break;
    struct sct_sock* s = sock_slot(r);
    if (!s) return;
    __u32 len = st->len[i];
    if (len > sizeof(*s)) return;
    // Most are a known socket's head.
    if (len == SCT_SOCK_SHORT) __builtin_memcpy(s, &st->s[i], SCT_SOCK_SHORT);
    else bpf_probe_read_kernel(s, sizeof(*s), &st->s[i]);
    sock_commit(r, len);
  }
}

/* At a call's exit: the sockets of the descriptors it made. */
static __always_inline void sock_exit_captures(struct sct_record* r, struct task_struct* task, long nr, long ret,
                                               struct pt_regs* regs) {
  if (!sock_details || (ret < 0 && ret >= -4095)) return;
  struct sct_sock_plan* p = sock_plan_of(nr);
  if (!p || (!p->ret_fd && !p->pair_arg)) return;
  if (p->ret_fd) sock_commit(r, sock_copy(sock_slot(r), task, (int)ret, SCT_SOCK_AT_EXIT));
  if (p->pair_arg) {
    int fds[2] = {-1, -1};
    if (bpf_probe_read_user(fds, sizeof fds, (void*)sock_arg(regs, (p->pair_arg - 1) & 7))) return;
    sock_commit(r, sock_copy(sock_slot(r), task, fds[0], SCT_SOCK_AT_EXIT));
    sock_commit(r, sock_copy(sock_slot(r), task, fds[1], SCT_SOCK_AT_EXIT));
  }
}

#endif
