/* getdents, getdents64 (SCT_CAP_DIRENTS_RET): the returned buffer, and how
 * many entries it holds. A directory listing is copied whole (glibc asks for
 * 32 KiB at a time); a larger result is copied up to SCT_DIRENTS_CAP, and
 * its entries are still all counted here, by following the d_reclen chain,
 * so that the entry count strace prints holds for any size. Included by
 * stream.bpf.c after capture_to_scratch, whose record layout it follows. */
#ifndef SCTRACE_DIRENTS_BPF_H
#define SCTRACE_DIRENTS_BPF_H

/* struct linux_dirent and linux_dirent64 both start with two 8-byte fields
 * and then d_reclen; the smaller header (linux_dirent's, 18 bytes) bounds
 * an entry here. The kernel wrote every d_reclen during the call, so the
 * two headers give the same count. */
#define DIRENT_RECLEN_AT 16
#define DIRENT_HEAD_MIN 18

/* In a map value, not on the stack: there the verifier would follow the
 * exact offset and count through every turn of the loop (as for the path
 * walk's counters in stream.bpf.c) and give up long before the end. */
struct dirents_walk {
  __u64 addr;  /* the buffer */
  __u64 len;   /* the return value: its bytes in use */
  __u64 off;   /* where the next entry starts */
  __u64 count; /* entries seen */
};
struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, struct dirents_walk);
} dirents_walks SEC(".maps");

struct dirents_ctx {
  struct dirents_walk* w; /* bpf_loop passes only a stack pointer */
};

/* One entry: the step the user-space decoder takes (decode/file/dirents.cpp). */
static long count_dirent(__u32 i, void* arg) {
  struct dirents_walk* w = ((struct dirents_ctx*)arg)->w;
  if (w->off + DIRENT_HEAD_MIN > w->len) return 1;
  __u16 reclen = 0;
  if (bpf_probe_read_user(&reclen, sizeof reclen, (void*)(w->addr + w->off + DIRENT_RECLEN_AT)) != 0) return 1;
  if (reclen < DIRENT_HEAD_MIN || w->off + reclen > w->len) return 1;
  w->count++;
  w->off += reclen;
  return 0;
}

/* Appends the count (struct sct_dirents at SCT_AT_DIRENTS), then the first
 * SCT_DIRENTS_CAP bytes of the `len` at `addr`. Global: verified once. */
__noinline int capture_dirents_to_scratch(__u64 addr, __u64 len) {
  __u32 zero = 0;
  struct dirents_walk* w = bpf_map_lookup_elem(&dirents_walks, &zero);
  struct sct_record* r = scratch();
  if (!w || !r || !addr || !len) return 0;
  __u8* base = (__u8*)r;
  __u32 off = r->size;
  if (off > OFF_MASK) return 0;
  off &= OFF_MASK;
  w->addr = addr;
  w->len = len;
  w->off = 0;
  w->count = 0;
  struct dirents_ctx c = {.w = w};
  __u64 steps = len / DIRENT_HEAD_MIN + 1;
  bpf_loop(steps < SCT_DIRENTS_MAX_WALK ? (__u32)steps : SCT_DIRENTS_MAX_WALK, count_dirent, &c, 0);
  struct sct_capture_hdr* h = (void*)(base + off);
  struct sct_dirents* d = (void*)(base + off + sizeof(*h));
  h->addr = SCT_AT_DIRENTS;
  h->len = sizeof(*d);
  h->flags = 0;
  d->addr = addr;
  d->count = w->count;
  r->size = off + sizeof(*h) + sizeof(*d);
  r->ncaptures++;

  off = r->size;
  if (off > OFF_MASK) return 0;
  off &= OFF_MASK;
  h = (void*)(base + off);
  // Up to SCT_DIRENTS_CAP (32 KiB, one more byte than capture_to_scratch
  // takes: a full 32 KiB result is common): the scratch holds a capture of
  // that size starting anywhere below OFF_MASK.
  __u32 want = len < SCT_DIRENTS_CAP ? (__u32)len : SCT_DIRENTS_CAP;
  asm volatile("" : "+r"(want));  // keep the check: the verifier needs the bound it gives
  if (want > SCT_DIRENTS_CAP || want == 0) return 0;
  if (bpf_probe_read_user(base + off + sizeof(*h), want, (void*)addr) != 0) return 0;
  h->addr = addr;
  h->len = want;
  h->flags = 0;
  r->size = off + sizeof(*h) + ((want + 7) & ~7u);
  r->ncaptures++;
  return 1;
}

#endif
