#include "engine/ebpf/stream_tracer.hpp"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/magic.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <ctime>
#include <fmt/format.h>

#include "core/call.hpp"
#include "engine/capture/capture_plan.hpp"
#include "engine/capture/captured_memory.hpp"
#include "engine/capture/captured_stack_source.hpp"
#include "engine/capture/sock_capture.hpp"
#include "engine/ebpf/ebpf_tracer.hpp"
#include "engine/ebpf/launch.hpp"
#include "engine/interrupt.hpp"
#include "engine/proc.hpp"
#include "engine/ptrace_memory.hpp"
#include "stream.skel.h"
#include "syscalls/syscall_table.hpp"

namespace sct {

static_assert(SCT_STREAM_MAX_SYSCALL == kMaxSyscall, "the kernel's plans cover the filter's syscalls");
static_assert(sizeof(sct_record) == 120 && sizeof(sct_cpu_state) == 16 && sizeof(sct_capture_hdr) == 16 && sizeof(sct_plan) == 46 &&
                  sizeof(sct_inode) == 24,
              "stream_abi.h layout");

namespace {

constexpr size_t kDefaultRingKib = 8192;
// The longest -s the kernel copies for: argv strings take two bytes more
// (one to show a string is cut, its NUL).
constexpr size_t kMaxCapturedStrlen = SCT_BUF_CAP - 2;

int64_t clock_ns(clockid_t c) {
  timespec ts;
  clock_gettime(c, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

timespec to_timespec(int64_t ns) {
  return timespec{static_cast<time_t>(ns / 1000000000), static_cast<long>(ns % 1000000000)};
}

// The ring buffer's size must be a power of two pages.
size_t ring_bytes(size_t kib) {
  size_t want = (kib ? kib : kDefaultRingKib) * 1024;
  size_t n = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  while (n < want) n <<= 1;
  return n;
}

// The name /proc gives a socket or a pipe, by its inode; empty for others.
std::string inode_name(const sct_inode& ino) {
  if (S_ISSOCK(ino.mode)) return fmt::format("socket:[{}]", ino.ino);
  if (S_ISFIFO(ino.mode)) return fmt::format("pipe:[{}]", ino.ino);
  return {};
}

// The path of the returned descriptor as the kernel saw it at exit: a
// file's path, or the name /proc gives sockets and pipes.
std::string kernel_fd_path(const CapturedMemory& mem) {
  auto raw = mem.special(SCT_AT_RET_FD_INODE);
  if (raw && raw->size() == sizeof(sct_inode)) {
    sct_inode ino;
    memcpy(&ino, raw->data(), sizeof ino);
    if (S_ISSOCK(ino.mode)) return inode_name(ino);
    auto path = mem.special(SCT_AT_RET_FD_PATH);
    // One inode serves every anonymous file: its dentry's name tells them
    // apart, as /proc shows it (fs/anon_inodes.c, anon_inodefs_dname).
    if (ino.magic == ANON_INODE_FS_MAGIC && path && path->starts_with('/'))
      return fmt::format("anon_inode:{}", path->substr(1));
    if (S_ISFIFO(ino.mode) && (!path || path->size() <= 1)) return inode_name(ino);
  }
  auto path = mem.special(SCT_AT_RET_FD_PATH);
  return path && path->size() > 1 ? std::string(*path) : std::string();
}

// Whether descriptor `fd` of `tid` is now the file the kernel saw the call
// return. The process goes on while its records wait to be read: by then it
// may have closed the descriptor and opened another file as the same number.
bool still_same_file(pid_t tid, int fd, const sct_inode& ino) {
  struct stat st;
  if (stat(fmt::format("/proc/{}/fd/{}", tid, fd).c_str(), &st) != 0) return false;
  return st.st_ino == ino.ino && major(st.st_dev) == ino.dev >> 20 && minor(st.st_dev) == (ino.dev & 0xfffff);
}

// What /proc says of the descriptor, as strace shows it (" (deleted)",
// anon_inode:[...]), when it is still the file the call returned; else "".
// Looked at on both sides of the readlink, which could see another file.
std::string proc_path_if_same(pid_t tid, int fd, const CapturedMemory& mem) {
  auto raw = mem.special(SCT_AT_RET_FD_INODE);
  if (!raw || raw->size() != sizeof(sct_inode)) return proc_fd_path(tid, fd);
  sct_inode ino;
  memcpy(&ino, raw->data(), sizeof ino);
  // Every anonymous file shares one inode: the kernel's name is the answer.
  if (ino.magic == ANON_INODE_FS_MAGIC) return {};
  if (!still_same_file(tid, fd, ino)) return {};
  std::string path = proc_fd_path(tid, fd);
  return still_same_file(tid, fd, ino) ? path : std::string();
}

bool changes_fds(const SyscallInfo& s) { return s.ret == Ret::Fd || has_role(&s, RClose) || has_role(&s, RFdPair); }

}  // namespace

const Capabilities& StreamTracer::capabilities() const { return ebpf_capabilities(); }

StreamTracer::~StreamTracer() {
  ring_buffer__free(rb_);
  stream_bpf__destroy(skel_);
}

std::string StreamTracer::start() {
  // What the command inherits, not what its exec will close (the tracer's
  // own), read while it waits for its exec.
  auto known_fds = [this](pid_t pid) {
    if (!track_fds_) return;
    sct_record r{};
    r.tid = r.tgid = pid;
    RawEvent known = make_event(RawEvent::Kind::KnownFds, r);
    known.before_exec = true;
    sink_.on_raw(known);
  };
  std::string e = start_command_around(opts_, child_, [this] { return load(); },
                                       [this] { return TaskMaps{skel_->maps.tasks, skel_->maps.live}; }, known_fds);
  // -D: strace seizes the command as it seizes -p pids, and says so.
  if (e.empty() && opts_.daemonize && opts_.announce_task_changes) say(fmt::format("Process {} attached", child_));
  return e;
}

std::string StreamTracer::load() {
  quiet_libbpf_unless(opts_.decode.verbose);
  skel_ = stream_bpf__open();
  if (!skel_) return ebpf_failure("cannot open the eBPF programs", errno);
  if (std::string e = set_task_rodata(skel_->rodata, opts_.follow_forks > 0); !e.empty()) return e;
  // A larger -s than the kernel copies prints what it copied, cut with
  // "..." as strace cuts at -s (docs/ebpf.md).
  unsigned s = static_cast<unsigned>(std::min<size_t>(opts_.decode.max_strlen, kMaxCapturedStrlen));
  // -e read=/write= dump whole buffers: each is copied up to the largest
  // capture, and a dump of a longer one says what is missing (docs/ebpf.md).
  const bool dumps = opts_.decode.read_data.any() || opts_.decode.write_data.any();
  skel_->rodata->buf_cap = dumps ? static_cast<unsigned>(kMaxCapturedStrlen) : s;
  skel_->rodata->argv_str_cap = s + 2;
  // -k makes records up to a stack window larger: a default buffer four
  // times as large holds as many.
  size_t ring = ring_bytes(opts_.ring_buffer_kib ? opts_.ring_buffer_kib
                                                 : opts_.stack_trace ? 4 * kDefaultRingKib : 0);
  ring_kib_ = ring / 1024;
  skel_->rodata->wake_bytes = ring / 4;
  // Two clock reads per call are a good part of its cost; without an
  // option that shows or sums times, nothing reads them.
  skel_->rodata->need_time = opts_.need_time;
  if (opts_.stack_trace)
    skel_->rodata->stack_bytes =
        static_cast<unsigned>(opts_.stack_capture_bytes ? opts_.stack_capture_bytes : kDefaultStackCapture);
  // -yy: the kernel copies sockets when strace would have asked about them.
  sock_details_ = (opts_.decode.decode_fds & kFdSocket) != 0;
  skel_->rodata->sock_details = sock_details_;
  // Whose sockets sock_diag answers for: the kernel marks as known only
  // sockets that user space will have kept the answer of.
  struct stat netns;
  if (sock_details_ && stat("/proc/self/ns/net", &netns) == 0) skel_->rodata->own_netns = netns.st_ino;
  int ncpu = libbpf_num_possible_cpus();
  if (ncpu <= 0 || bpf_map__set_max_entries(skel_->maps.scratches, static_cast<__u32>(ncpu)) != 0)
    return ebpf_failure("cannot size the eBPF programs' buffers", ncpu < 0 ? -ncpu : EINVAL);
  if (bpf_map__set_max_entries(skel_->maps.events, static_cast<__u32>(ring)) != 0)
    return fmt::format("--ring-buffer-size: {} KiB cannot be used", opts_.ring_buffer_kib);
  if (int e = stream_bpf__load(skel_)) return ebpf_failure("the kernel refused the eBPF programs", -e);
  // Calls that make or close descriptors are streamed for the fd table even
  // when the filter hides them.
  track_fds_ = opts_.decode.decode_fds || !opts_.filter.paths.empty();
  // Untraced numbers keep the map's zeroed plan. Numbers the table lacks
  // print as syscall_0x...: nothing is copied for them. The last plan
  // (SCT_PLAN_OTHER) serves every number beyond the table's range.
  for (__u32 nr = 0; nr <= SCT_PLAN_OTHER; ++nr) {
    const SyscallInfo* s = syscall_by_nr(nr);
    sct_plan p = s ? capture_plan(*s) : sct_plan{};
    p.traced = opts_.filter.traces(nr) || (s && track_fds_ && changes_fds(*s));
    // -k: calls that map memory send their mappings, traced or not.
    p.maps &= opts_.stack_trace;
    if (!p.traced && !p.maps) continue;
    p.ret_fd &= track_fds_;
    if (!track_fds_) p.fd_pair = 0;
    p.cwd &= (opts_.decode.decode_fds & kFdPath) != 0;
    bpf_map__update_elem(skel_->maps.plans, &nr, sizeof nr, &p, sizeof p, BPF_ANY);
    if (sock_details_ && s && opts_.filter.traces(nr)) {
      sct_sock_plan sp = sock_plan(*s);
      bpf_map__update_elem(skel_->maps.sock_plans, &nr, sizeof nr, &sp, sizeof sp, BPF_ANY);
    }
  }
  rb_ = ring_buffer__new(bpf_map__fd(skel_->maps.events), on_record, this, nullptr);
  if (!rb_) return ebpf_failure("cannot read the ring buffer", errno);
  if (int e = stream_bpf__attach(skel_)) return ebpf_failure("cannot attach the eBPF programs", -e);
  wall_offset_ns_ = clock_ns(CLOCK_REALTIME) - clock_ns(CLOCK_MONOTONIC);

  TaskMaps m{skel_->maps.tasks, skel_->maps.live};
  std::vector<CallInProgress> in_progress;
  if (std::string e = add_attached(m, opts_.attach, &in_progress); !e.empty()) return e;
  if (!(opts_.quiet_mask & kQuietAttach))
    for (pid_t p : opts_.attach) say(fmt::format("Process {} attached", p));
  for (pid_t p : opts_.attach) {
    // -p may name any thread of a process.
    pid_t tgid = tgid_of(p);
    thread(p, tgid);
    if (track_fds_) {
      sct_record r{};
      r.tid = p;
      r.tgid = tgid;
      sink_.on_raw(make_event(RawEvent::Kind::KnownFds, r));
    }
  }
  for (const CallInProgress& c : in_progress) enter_in_progress(c);
  return {};
}

void StreamTracer::enter_in_progress(const CallInProgress& c) {
  Thread& t = thread(c.tid, c.tgid);
  t.in_call = true;
  t.entry_record.clear();
  t.entry_memory.clear();
  t.nr = c.call.nr;
  for (int i = 0; i < 6; ++i) t.args[i] = c.call.args[i];
  t.sp = c.call.sp;
  sct_record r{};
  r.tid = c.tid;
  r.tgid = c.tgid;
  r.nr = c.call.nr;
  r.ns = static_cast<unsigned long long>(clock_ns(CLOCK_MONOTONIC));
  t.entry_ns = r.ns;
  RawEvent e = make_event(RawEvent::Kind::Entry, r);
  e.nr = t.nr;
  for (int i = 0; i < 6; ++i) e.args[i] = t.args[i];
  e.sp = t.sp;
  // Nothing was captured: its arguments are read now from the process, as
  // the ptrace engine reads them (process_vm_readv; the call is still in
  // progress, so what it was given is still there).
  PtraceMemory mem(c.tid);
  e.mem = &mem;
  sink_.on_raw(e);
}

int StreamTracer::on_record(void* self, void* data, size_t size) {
  static_cast<StreamTracer*>(self)->handle(static_cast<const uint8_t*>(data), size);
  return 0;
}

int StreamTracer::run() {
  TaskMaps m{skel_->maps.tasks, skel_->maps.live};
  bool child_running = child_ != 0;
  while (!termination_signal) {
    // Records are sent without waking this reader (see finish() in
    // stream.bpf.c), so the wait can end with some unread: read them.
    int got = ring_buffer__poll(rb_, 20);
    if (got == 0) got = ring_buffer__consume(rb_);
    // A call that blocks is shown as entered while it waits, and that
    // unfinished line is written out now, as strace's unbuffered stderr would.
    if (pending_ && !exec_strings_missing()) emit_entry(pending_, nullptr);
    if (got == 0) sink_.flush();
    if (sink_.failed()) {
      output_failed_ = true;
      break;
    }
    if (child_running) child_running = !reap_command(child_, false, exit_status_, fatal_signal_);
    // With -f and -p, as strace: until every traced thread has gone.
    if (!child_running && !anything_traced(m)) break;
  }
  ring_buffer__consume(rb_);
  if (pending_) emit_entry(pending_, nullptr);
  // Records lost after the last one that arrived.
  if (uint64_t tail = dropped_since_last()) {
    sct_record r{};
    // With -ff the line goes to that thread's file: one that exists.
    r.tid = last_tid_ ? last_tid_ : child_ ? child_ : opts_.attach.empty() ? 0 : opts_.attach[0];
    auto last = threads_.find(r.tid);
    r.tgid = last != threads_.end() ? last->second.tgid : r.tid;
    r.ns = static_cast<unsigned long long>(clock_ns(CLOCK_MONOTONIC));
    RawEvent e = make_event(RawEvent::Kind::Lost, r);
    e.lost = tail;
    lost_ += tail;
    sink_.on_raw(e);
  }
  if (!child_running && threads_.count(child_)) {
    // The command's exit record was among those lost; waitpid told how it
    // ended, and that line is the one a reader looks for.
    sct_record r{};
    r.tid = r.tgid = child_;
    r.ns = static_cast<unsigned long long>(clock_ns(CLOCK_MONOTONIC));
    r.args[0] = static_cast<unsigned long long>(fatal_signal_ ? fatal_signal_ : exit_status_ << 8);
    on_task_exit(r);
  }
  if (termination_signal) detach_all();
  if (termination_signal && !(opts_.quiet_mask & kQuietAttach))
    for (pid_t p : opts_.attach) say(fmt::format("Process {} detached", p));
  if (lost_)
    say(fmt::format("{} events lost: the ring buffer was full (--ring-buffer-size={})", lost_, ring_kib_));
  sink_.flush();
  if (int sig = termination_signal) {
    interrupted_by(sig, exit_status_, fatal_signal_);
  } else {
    // After an output failure nothing more is to be written: the command
    // runs on, and sctrace says so and exits now.
    if (child_running && !output_failed_) reap_command(child_, true, exit_status_, fatal_signal_);
    // An incomplete trace is a failure of the tracer, whatever the command
    // did (docs/ebpf.md).
    if (lost_) {
      exit_status_ = 1;
      fatal_signal_ = 0;
    }
  }
  return exit_status_;
}

void StreamTracer::detach_all() {
  sct_record r{};
  r.ns = static_cast<unsigned long long>(clock_ns(CLOCK_MONOTONIC));
  for (const auto& [tid, t] : threads_) {
    r.tid = tid;
    r.tgid = t.tgid;
    sink_.on_raw(make_event(RawEvent::Kind::Detached, r));
  }
}

uint64_t StreamTracer::dropped_since_last() const {
  int ncpu = libbpf_num_possible_cpus();
  if (ncpu <= 0) return 0;
  std::vector<sct_cpu_state> per_cpu(static_cast<size_t>(ncpu));
  __u32 zero = 0;
  if (bpf_map__lookup_elem(skel_->maps.cpu_states, &zero, sizeof zero, per_cpu.data(),
                           per_cpu.size() * sizeof(sct_cpu_state), 0) != 0)
    return 0;
  uint64_t n = 0;
  for (const sct_cpu_state& c : per_cpu) n += c.lost;
  return n;
}

StreamTracer::Thread& StreamTracer::thread(pid_t tid, pid_t tgid) {
  auto [it, added] = threads_.try_emplace(tid);
  if (added) it->second.tgid = tgid;
  return it->second;
}

RawEvent StreamTracer::make_event(RawEvent::Kind k, const sct_record& r) {
  RawEvent e;
  e.kind = k;
  e.tid = r.tid;
  e.tgid = r.tgid;
  e.mono = to_timespec(static_cast<int64_t>(r.ns));
  e.wall = to_timespec(static_cast<int64_t>(r.ns) + wall_offset_ns_);
  // The kernel's clock in the call: -c here counts latency (docs/ebpf.md).
  e.cpu_clock_ns = static_cast<int64_t>(r.ns);
  e.live_tasks = static_cast<int>(threads_.size());
  return e;
}

void StreamTracer::handle(const uint8_t* rec, size_t size) {
  if (size < sizeof(sct_record)) return;
  sct_record r;
  memcpy(&r, rec, sizeof r);
  last_tid_ = r.tid;
  // An execve ends the process's other threads before its exec's record
  // comes, but strace shows the call entered before they end.
  if (r.type == SCT_REC_TASK_EXIT && r.args[1] && exec_strings_missing()) {
    held_exits_.emplace_back(rec, rec + size);
    return;
  }
  // A mapping is not an event of the trace: it neither ends a call's entry
  // nor shows (another thread's untraced mmap sends one in the middle).
  if (r.type == SCT_REC_MAPPING && !r.lost) {
    on_mapping(r, rec, size);
    return;
  }
  if (pending_ && !(r.type == SCT_REC_EXIT && r.tid == pending_)) flush_pending(r, rec, size);
  if (r.lost) {
    // Marked where it happened: the calls around it may be incomplete.
    lost_ += r.lost;
    RawEvent e = make_event(RawEvent::Kind::Lost, r);
    e.lost = r.lost;
    sink_.on_raw(e);
  }
  switch (r.type) {
    case SCT_REC_ENTER: on_enter(r, rec, size); break;
    case SCT_REC_EXIT: on_exit(r, rec, size); break;
    case SCT_REC_CALL: {
      // Its captures serve both halves: the entry's parse is the exit's too.
      on_enter(r, rec, size);
      sct_record x = r;
      x.ns = r.end_ns;
      on_exit(x, nullptr, 0);
      break;
    }
    case SCT_REC_FORK: {
      thread(r.tid, r.tgid);
      thread(static_cast<pid_t>(r.args[0]), static_cast<pid_t>(r.args[1]));
      RawEvent e = make_event(RawEvent::Kind::NewTask, r);
      e.child = static_cast<pid_t>(r.args[0]);
      e.child_tgid = static_cast<pid_t>(r.args[1]);
      if (stacks_ && e.child_tgid != r.tgid) stacks_->forked(r.tgid, e.child_tgid);
      if (opts_.follow_forks && opts_.announce_new_tasks) say(fmt::format("Process {} attached", e.child));
      sink_.on_raw(e);
      break;
    }
    case SCT_REC_EXEC: on_exec(r); break;
    case SCT_REC_TASK_EXIT: on_task_exit(r); break;
    case SCT_REC_SIGNAL: on_signal(r, rec, size); break;
    case SCT_REC_MAPPING: on_mapping(r, rec, size); break;
    default: break;
  }
}

bool StreamTracer::exec_strings_missing() {
  auto it = pending_ ? threads_.find(pending_) : threads_.end();
  if (it == threads_.end()) return false;
  const Thread& t = it->second;
  const SyscallInfo* info = syscall_by_nr(t.nr);
  if (!has_role(info, RExec)) return false;
  bool terminated = false;
  return !it->second.entry_memory.read_cstr(t.args[path_arg(*info)], 1, &terminated);
}

// The entry copied the first SCT_ARGV_MAX strings of argv and of envp: a
// pending exec with more (strace shows one more argv string before "...",
// and -v all of the environment).
bool StreamTracer::exec_arrays_long() {
  auto it = pending_ ? threads_.find(pending_) : threads_.end();
  if (it == threads_.end()) return false;
  Thread& t = it->second;
  const SyscallInfo* info = syscall_by_nr(t.nr);
  if (!has_role(info, RExec)) return false;
  for (int array = 1; array <= 2; ++array) {
    uint64_t at = 0;
    if (t.entry_memory.read(t.args[path_arg(*info) + array] + 8 * SCT_ARGV_MAX, &at, sizeof at) && at) return true;
  }
  return false;
}

void StreamTracer::flush_pending(const sct_record& r, const uint8_t* rec, size_t size) {
  pid_t tid = pending_;
  auto it = threads_.find(tid);
  if (r.type == SCT_REC_EXEC && static_cast<pid_t>(r.args[0]) == tid && it != threads_.end() &&
      (exec_strings_missing() || exec_arrays_long())) {
    // The strings where the call was given them, from the exec's copies: the
    // path as the kernel took it (execveat with a directory has
    // "/dev/fd/N/..." there instead), argv[i] and envp[i] at the i-th
    // pointer of each array.
    Thread& c = it->second;
    int path = path_arg(*syscall_by_nr(c.nr));
    CapturedMemory exec_mem;
    CapturedMemory copied;
    exec_mem.add_record(rec, size);
    if (auto p = exec_mem.special(SCT_AT_EXEC_PATH); p && !p->starts_with("/dev/fd/"))
      copied.add({c.args[path], *p, true, true});
    auto strings_at = [&](uint64_t array, std::string_view strings) {
      for (uint64_t i = 0; !strings.empty(); ++i) {
        uint64_t at = 0;
        if (!c.entry_memory.read(array + 8 * i, &at, sizeof at) || !at) break;
        size_t nul = strings.find('\0');
        copied.add({at, strings.substr(0, nul), true, nul != std::string_view::npos});
        if (nul == std::string_view::npos) break;
        strings.remove_prefix(nul + 1);
      }
    };
    strings_at(c.args[path + 1], exec_mem.special(SCT_AT_EXEC_ARGV).value_or(std::string_view()));
    strings_at(c.args[path + 2], exec_mem.special(SCT_AT_EXEC_ENV).value_or(std::string_view()));
    emit_entry(tid, &copied);
  } else {
    emit_entry(tid, nullptr);
  }
  std::vector<std::vector<uint8_t>> held = std::move(held_exits_);
  held_exits_.clear();
  for (const auto& h : held) handle(h.data(), h.size());
}

void StreamTracer::on_enter(const sct_record& r, const uint8_t* rec, size_t size) {
  Thread& t = thread(r.tid, r.tgid);
  t.in_call = true;
  t.entry_record.assign(rec, rec + size);
  t.entry_memory.clear();
  t.entry_memory.add_record(t.entry_record.data(), t.entry_record.size());
  t.entry_ns = r.ns;
  t.nr = r.nr;
  for (int i = 0; i < 6; ++i) t.args[i] = r.args[i];
  t.sp = r.sp;
  t.ip = r.ip;
  // Handed on when the next record comes: when that is this call's exit, it
  // brings what the entry could not copy.
  pending_ = r.tid;
}

void StreamTracer::emit_entry(pid_t tid, const CapturedMemory* exit_memory) {
  pending_ = 0;
  auto it = threads_.find(tid);
  if (it == threads_.end()) return;
  Thread& t = it->second;
  CapturedMemory& mem = t.entry_memory;
  mem.set_fallback(exit_memory);
  sct_record r;
  memcpy(&r, t.entry_record.data(), sizeof r);
  RawEvent e = make_event(RawEvent::Kind::Entry, r);
  e.nr = t.nr;
  for (int i = 0; i < 6; ++i) e.args[i] = t.args[i];
  e.sp = t.sp;
  e.ip = t.ip;
  e.ip_known = true;
  e.mem = &mem;
  sockets_.clear();
  if (sock_details_) socket_snapshots(mem, SCT_SOCK_AT_ENTRY, sockets_);
  e.sockets = sockets_;
  // -k: unwound from the entry's copy; the session prints it at the exit.
  // An exec is unwound at entry, as strace does, where the mappings of the
  // program it replaces were recorded; else after it (the command's own).
  // rt_sigreturn is unwound after it, where it returned to.
  UserStack stack;
  const SyscallInfo* info = syscall_by_nr(t.nr);
  const bool exec = has_role(info, RExec);
  t.exec_unwound = false;
  if (stacks_ && opts_.filter.traces(t.nr) && !has_role(info, RSetsRegs) && (!exec || stacks_->recorded(t.tgid))) {
    stack = unwind(t.tgid, tid, mem);
    e.stack = &stack;
    t.exec_unwound = exec;
  }
  sink_.on_raw(e);
  mem.set_fallback(nullptr);
  // exit and exit_group do not come back.
  if (const SyscallInfo* s = syscall_by_nr(t.nr); s && s->ret == Ret::None) t.in_call = false;
}

// `rec`: the exit record's captures, or null when the entry record held them.
void StreamTracer::on_exit(const sct_record& r, const uint8_t* rec, size_t size) {
  auto it = threads_.find(r.tid);
  // Its entry was lost, or it entered before the trace began.
  if (it == threads_.end() || !it->second.in_call || it->second.nr != r.nr) return;
  Thread& t = it->second;
  // One object for every exit: made anew, its inline room would be cleared
  // for each call.
  CapturedMemory& mem = exit_memory_;
  mem.clear();
  mem.set_fallback(nullptr);
  if (rec) mem.add_record(rec, size);
  if (pending_ == r.tid) emit_entry(r.tid, &mem);
  if (!t.in_call) return;
  t.in_call = false;
  // An exec's new mappings came before its exit (exec_mapped): they stay.
  if (stacks_ && !has_role(syscall_by_nr(t.nr), RExec)) stacks_->after_call(t.tgid, syscall_by_nr(t.nr));
  // -k: a call that execs was copied again at exit, in the new program:
  // what the entry's copy points into is gone from /proc/PID/maps.
  UserStack stack;
  if (stacks_ && rec && opts_.filter.traces(t.nr) && !t.exec_unwound && mem.special(SCT_AT_USER_REGS))
    stack = unwind(t.tgid, r.tid, mem);
  mem.set_fallback(&t.entry_memory);
  RawEvent e = make_event(RawEvent::Kind::Exit, r);
  e.nr = t.nr;
  e.ret = r.ret;
  e.mem = &mem;
  // The sockets it made (copied at exit: in the exit record, or in the
  // whole call's), then those it was given, as they were at entry.
  sockets_.clear();
  if (sock_details_) {
    socket_snapshots(mem, SCT_SOCK_AT_EXIT, sockets_);
    socket_snapshots(t.entry_memory, SCT_SOCK_AT_EXIT, sockets_);
    socket_snapshots(t.entry_memory, SCT_SOCK_AT_ENTRY, sockets_);
  }
  e.sockets = sockets_;
  // What /proc says of a returned descriptor while it is still open, as
  // strace shows it; else what the kernel found at the call's exit.
  std::string fd_path;
  const SyscallInfo* s = syscall_by_nr(t.nr);
  if (track_fds_ && s && s->ret == Ret::Fd && !(r.ret < 0 && r.ret >= -4095)) {
    fd_path = proc_path_if_same(r.tid, static_cast<int>(r.ret), mem);
    if (fd_path.empty()) fd_path = kernel_fd_path(mem);
    e.fd_hint = fd_path;
  }
  // The pair pipe, pipe2 or socketpair made, as the kernel found it.
  if (track_fds_ && has_role(s, RFdPair) && !(r.ret < 0 && r.ret >= -4095)) {
    auto raw = mem.special(SCT_AT_FD_PAIR);
    sct_fd_pair pair;
    if (raw && raw->size() == sizeof pair) {
      memcpy(&pair, raw->data(), sizeof pair);
      for (int i = 0; i < 2; ++i) {
        pair_names_[i] = pair.inode[i].ino ? inode_name(pair.inode[i]) : std::string();
        e.pair_fds[i] = pair.fd[i];
        e.pair_hints[i] = pair_names_[i];
      }
    }
  }
  if (!stack.empty()) e.stack = &stack;
  sink_.on_raw(e);
}

void StreamTracer::on_exec(const sct_record& r) {
  pid_t former = static_cast<pid_t>(r.args[0]);
  if (stacks_) stacks_->exec_mapped(r.tgid);
  if (former == r.tid) return;
  // A thread ran execve and took its leader's pid: the leader's call never
  // returns (its exit record, if it came, said so), and the thread's execve
  // goes on under the leader's pid.
  if (auto leader = threads_.find(r.tid); leader != threads_.end()) {
    RawEvent gone = make_event(RawEvent::Kind::TaskExit, r);
    gone.no_line = true;
    sink_.on_raw(gone);
    threads_.erase(leader);
  }
  auto old = threads_.find(former);
  if (old != threads_.end()) {
    Thread moved = std::move(old->second);
    threads_.erase(old);
    moved.tgid = r.tid;
    threads_[r.tid] = std::move(moved);
  }
  // Counted without the leader, as strace counts when it says so.
  RawEvent e = make_event(RawEvent::Kind::Exec, r);
  e.former = former;
  sink_.on_raw(e);
}

void StreamTracer::on_task_exit(const sct_record& r) {
  thread(r.tid, r.tgid);
  RawEvent e = make_event(RawEvent::Kind::TaskExit, r);
  e.status = static_cast<int>(r.args[0]);
  // A leader that another thread's execve ended does not exit: the exec
  // record says it was superseded.
  e.no_line = r.args[1] && r.tid == r.tgid;
  sink_.on_raw(e);
  threads_.erase(r.tid);
  if (stacks_ && r.tid == r.tgid && !r.args[1]) stacks_->forget(r.tgid);
}

void StreamTracer::on_signal(const sct_record& r, const uint8_t* rec, size_t size) {
  thread(r.tid, r.tgid);
  CapturedMemory mem;
  mem.add_record(rec, size);
  std::string_view raw = mem.special(SCT_AT_SIGINFO).value_or(std::string_view());
  RawEvent e = make_event(RawEvent::Kind::Signal, r);
  memcpy(&e.siginfo, raw.data(), std::min(raw.size(), sizeof e.siginfo));
  e.sig = static_cast<int>(r.args[0]);
  UserStack stack;
  if (stacks_ && e.sig > 0 && e.sig < 65 && opts_.filter.signals.test(static_cast<size_t>(e.sig))) {
    stack = unwind(r.tgid, r.tid, mem);
    e.stack = &stack;
  }
  e.nr = r.nr;
  e.ip = r.ip;
  e.ip_known = r.ip != 0;
  sink_.on_raw(e);
}

void StreamTracer::on_mapping(const sct_record& r, const uint8_t* rec, size_t size) {
  if (!stacks_) return;
  CapturedMemory mem;
  mem.add_record(rec, size);
  FileMapping m{r.args[0], r.args[1], r.args[2], static_cast<uint32_t>(r.args[3]), r.args[4],
                static_cast<uint32_t>(r.args[5] & ~uint64_t{SCT_MAP_VDSO}), std::string(mem.special(SCT_AT_MAP_PATH).value_or(""))};
  if (r.args[5] & SCT_MAP_VDSO) m.path = kVdsoName;
  // An anonymous mapping (no path) ends what was known of its range.
  stacks_->mapped(r.tgid, m);
}

UserStack StreamTracer::unwind(pid_t tgid, pid_t tid, const CapturedMemory& mem) {
  auto src = CapturedStackSource::from(mem);
  if (!src) return {};
  return stacks_->unwind(tgid, tid, *src);
}

}  // namespace sct
