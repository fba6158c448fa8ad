#include "engine/ebpf/ebpf_tracer.hpp"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fmt/format.h>
#include <vector>

#include "engine/command.hpp"
#include "engine/ebpf/summary_abi.h"
#include "engine/ptrace/tracer.hpp"
#include "summary.skel.h"
#include "syscalls/syscall_table.hpp"

namespace sct {

static_assert(SCT_MAX_SYSCALL == kMaxSyscall, "the kernel's syscall sets are the filter's");
static_assert(sizeof(sct_count) == 40 && sizeof(sct_task) == 24, "summary_abi.h layout");

namespace {

int quiet_libbpf(libbpf_print_level, const char*, va_list) { return 0; }

void fill_set(volatile unsigned long long* words, auto&& member) {
  for (int w = 0; w < SCT_SET_WORDS; ++w) {
    unsigned long long v = 0;
    for (int b = 0; b < 64; ++b)
      if (member(w * 64 + b)) v |= 1ULL << b;
    words[w] = v;
  }
}

}  // namespace

bool ebpf_supports(const Options& opts, std::string& why) {
  if (opts.summary != 1) {
    why = "--backend=ebpf: only -c (the summary) is done in the kernel so far; use the ptrace backend";
    return false;
  }
  // --json with -c holds the summary record only, which this engine gives.
  if (!opts.perfetto.empty() || !opts.filter.paths.empty() || opts.filter.status != kStatusAll) {
    why = "--backend=ebpf: -P, -e status= and --perfetto need the ptrace backend";
    return false;
  }
  if (access("/sys/kernel/btf/vmlinux", R_OK) != 0) {
    why = "--backend=ebpf: this kernel has no BTF (/sys/kernel/btf/vmlinux)";
    return false;
  }
  if (geteuid() != 0) {
    why = "--backend=ebpf: loading eBPF programs needs root (or CAP_BPF and CAP_PERFMON)";
    return false;
  }
  return true;
}

EbpfTracer::~EbpfTracer() { summary_bpf__destroy(skel_); }

std::string EbpfTracer::add_thread(pid_t tid, bool hidden) {
  // Task storage is keyed by a pidfd from user space; a thread that is not
  // its process's leader needs PIDFD_THREAD (Linux 6.9).
  int fd = static_cast<int>(syscall(SYS_pidfd_open, tid, 0));
  if (fd < 0 && errno == EINVAL) fd = static_cast<int>(syscall(SYS_pidfd_open, tid, O_EXCL));
  if (fd < 0) return fmt::format("attach: pid {}: {}", tid, strerror(errno));
  sct_task state{};
  state.nr = -1;
  state.hidden = hidden;
  int e = bpf_map__update_elem(skel_->maps.tasks, &fd, sizeof fd, &state, sizeof state, BPF_NOEXIST);
  close(fd);
  if (e != 0) return fmt::format("attach: pid {}: {}", tid, strerror(-e));
  __u32 zero = 0;
  __s64 n = 0;
  bpf_map__lookup_elem(skel_->maps.live, &zero, sizeof zero, &n, sizeof n, 0);
  ++n;  // nothing else runs the counter up before the first thread is added
  bpf_map__update_elem(skel_->maps.live, &zero, sizeof zero, &n, sizeof n, BPF_ANY);
  return {};
}

bool EbpfTracer::anything_traced() const {
  __u32 zero = 0;
  __s64 n = 0;
  bpf_map__lookup_elem(skel_->maps.live, &zero, sizeof zero, &n, sizeof n, 0);
  return n > 0;
}

std::string EbpfTracer::start() {
  if (!opts_.decode.verbose) libbpf_set_print(quiet_libbpf);
  skel_ = summary_bpf__open();
  if (!skel_) return fmt::format("--backend=ebpf: cannot open the eBPF programs: {}", strerror(errno));
  skel_->rodata->follow_forks = opts_.follow_forks > 0;
  skel_->rodata->exec_nrs[0] = __NR_execve;
  skel_->rodata->exec_nrs[1] = __NR_execveat;
  fill_set(skel_->rodata->wanted, [&](int nr) {
    return opts_.filter.trace_all || opts_.filter.trace.test(static_cast<size_t>(nr));
  });
  fill_set(skel_->rodata->never_fails, [](int nr) {
    const SyscallInfo* s = syscall_by_nr(nr);
    return s && (s->classes & NF);
  });
  if (int e = summary_bpf__load(skel_))
    return fmt::format("--backend=ebpf: the kernel refused the eBPF programs: {}", strerror(-e));
  if (int e = summary_bpf__attach(skel_))
    return fmt::format("--backend=ebpf: cannot attach the eBPF programs: {}", strerror(-e));

  for (pid_t p : opts_.attach) {
    std::vector<pid_t> tids;
    if (DIR* d = opendir(fmt::format("/proc/{}/task", p).c_str())) {
      while (dirent* de = readdir(d))
        if (de->d_name[0] != '.') tids.push_back(static_cast<pid_t>(atoi(de->d_name)));
      closedir(d);
    }
    if (tids.empty()) return fmt::format("attach: pid {}: No such process", p);
    for (pid_t t : tids)
      if (std::string e = add_thread(t, false); !e.empty()) return e;
  }
  if (opts_.command.empty()) return {};

  std::string err;
  std::string path = find_program(opts_.command[0], err);
  if (!err.empty()) return err;
  int sync[2];
  if (pipe2(sync, O_CLOEXEC) != 0) return fmt::format("pipe: {}", strerror(errno));
  pid_t pid = fork();
  if (pid < 0) return fmt::format("fork: {}", strerror(errno));
  if (pid == 0) {
    close(sync[1]);
    // Run nothing until the kernel knows this pid: the exec is counted.
    wait_for_tracer(sync[0]);
    apply_env(opts_.env);
    exec_command(path, opts_.command);
  }
  close(sync[0]);
  child_ = pid;
  std::string e = add_thread(pid, true);
  if (!e.empty()) kill(pid, SIGKILL);
  close(sync[1]);
  if (!e.empty()) {
    waitpid(pid, nullptr, 0);
    return e;
  }
  return {};
}

int EbpfTracer::run() {
  // Nothing is stopped, so an interruption only ends the counting early.
  while (child_ && !PtraceTracer::interrupted) {
    int status;
    pid_t r = waitpid(child_, &status, 0);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) break;
    if (WIFEXITED(status)) exit_status_ = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) {
      fatal_signal_ = WTERMSIG(status);
      exit_status_ = 128 + fatal_signal_;
    }
    break;
  }
  // With -f and -p, as strace: until every traced process has gone.
  timespec tick{0, 20 * 1000 * 1000};
  while (!PtraceTracer::interrupted && anything_traced()) nanosleep(&tick, nullptr);
  collect();
  return exit_status_;
}

void EbpfTracer::collect() {
  int ncpu = libbpf_num_possible_cpus();
  if (ncpu <= 0) return;
  std::vector<sct_count> per_cpu(static_cast<size_t>(ncpu));
  for (__u32 nr = 0; nr < SCT_MAX_SYSCALL; ++nr) {
    if (bpf_map__lookup_elem(skel_->maps.counts, &nr, sizeof nr, per_cpu.data(),
                             per_cpu.size() * sizeof(sct_count), 0) != 0)
      continue;
    SummarySink::Row row;
    for (const auto& c : per_cpu) {
      if (!c.calls) continue;
      row.calls += c.calls;
      row.errors += c.errors;
      row.total_ns += static_cast<int64_t>(c.total_ns);
      row.min_ns = std::min(row.min_ns, static_cast<int64_t>(c.min_ns));
      row.max_ns = std::max(row.max_ns, static_cast<int64_t>(c.max_ns));
    }
    if (!row.calls) continue;
    const SyscallInfo* s = syscall_by_nr(nr);
    summary_.add_row(s ? std::string(s->name) : fmt::format("syscall_{:#x}", nr), row);
  }
}

}  // namespace sct
