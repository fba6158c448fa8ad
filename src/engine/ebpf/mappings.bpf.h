/* -k: the file mappings of traced processes, sent as the kernel holds
 * them. User space unwinds a record's stack copy after the fact, when the
 * process may be gone and /proc/PID/maps with it (a short-lived program is
 * over before its first record is read); these records tell it which file
 * each address belonged to at the time of each call. Sent for every file
 * mapping at exec, and for the mapping a call that maps memory made (the
 * call need not be traced). Included by stream.bpf.c after its record
 * helpers (begin, finish, capture_path_to_scratch). */
#ifndef SCTRACE_EBPF_MAPPINGS_BPF_H
#define SCTRACE_EBPF_MAPPINGS_BPF_H

/* The open-coded VMA iterator (kernel 6.7+). */
extern int bpf_iter_task_vma_new(struct bpf_iter_task_vma* it, struct task_struct* task, __u64 addr) __weak __ksym;
extern struct vm_area_struct* bpf_iter_task_vma_next(struct bpf_iter_task_vma* it) __weak __ksym;
extern void bpf_iter_task_vma_destroy(struct bpf_iter_task_vma* it) __weak __ksym;

/* The VMA flags user space keeps (as /proc/PID/maps prints them). */
#define SCT_VM_READ 0x1
#define SCT_VM_WRITE 0x2
#define SCT_VM_EXEC 0x4
#define SCT_VM_SHARED 0x8

struct mapping {
  __u64 start, end, pgoff, file, flags;
};

/* One record for a mapping: a file's, the vDSO (calls made from it, such
 * as clock_gettime of a CPU clock, have their first frame there), or an
 * anonymous one, which ends what user space knew of that range (a JIT's
 * code where a file was unmapped is in no file). */
static __always_inline void send_mapping(struct task_struct* task, struct mapping* m) {
  struct file* f = (struct file*)m->file;
  bool vdso = !f && m->start == (__u64)BPF_CORE_READ(task, mm, context.vdso);
  struct sct_record* r = begin(SCT_REC_MAPPING, task);
  if (!r) return;
  r->args[0] = m->start;
  r->args[1] = m->end;
  r->args[2] = m->pgoff << 12;
  r->args[3] = f ? BPF_CORE_READ(f, f_inode, i_sb, s_dev) : 0;
  r->args[4] = f ? BPF_CORE_READ(f, f_inode, i_ino) : 0;
  r->args[5] = (m->flags & (SCT_VM_READ | SCT_VM_WRITE | SCT_VM_EXEC | SCT_VM_SHARED)) | (vdso ? SCT_MAP_VDSO : 0);
  if (f) capture_path_to_scratch(SCT_AT_MAP_PATH, (__u64)f + bpf_core_field_offset(struct file, f_path));
  finish(r);
}

static __always_inline void read_mapping(struct vm_area_struct* vma, struct mapping* m) {
  m->start = BPF_CORE_READ(vma, vm_start);
  m->end = BPF_CORE_READ(vma, vm_end);
  m->pgoff = BPF_CORE_READ(vma, vm_pgoff);
  m->file = (__u64)BPF_CORE_READ(vma, vm_file);
  m->flags = BPF_CORE_READ(vma, vm_flags);
}

static long mapping_found(struct task_struct* task, struct vm_area_struct* vma, void* data) {
  read_mapping(vma, data);
  return 0;
}

/* After a call that maps memory returned: the mapping it made or changed,
 * at the address it returned (mmap, mremap, shmat) or was given (mprotect).
 * An unmapping sends nothing: user space keeps what was there until a new
 * mapping of that range, file or anonymous, replaces it. */
static __always_inline void send_mapping_at(struct task_struct* task, long ret, __u64 arg0) {
  __u64 addr = ret > 0 && !(ret & 0xfff) ? (__u64)ret : arg0;
  struct mapping m = {};
  if (bpf_find_vma(task, addr, mapping_found, &m, 0) == 0) send_mapping(task, &m);
}

/* At exec: every mapping of the new program (itself, its interpreter, the
 * vDSO). */
static __always_inline void send_all_mappings(struct task_struct* task) {
  struct bpf_iter_task_vma it;
  struct vm_area_struct* vma;
  struct mapping m;
  if (bpf_iter_task_vma_new(&it, task, 0) == 0) {
    for (int i = 0; i < 64 && (vma = bpf_iter_task_vma_next(&it)); ++i) {
      read_mapping(vma, &m);
      send_mapping(task, &m);
    }
  }
  bpf_iter_task_vma_destroy(&it);
}

#endif
