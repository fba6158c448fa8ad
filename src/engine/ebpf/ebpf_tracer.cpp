#include "engine/ebpf/ebpf_tracer.hpp"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fmt/format.h>
#include <vector>

#include "engine/ebpf/launch.hpp"
#include "engine/ebpf/summary_abi.h"
#include "engine/capture/stream_abi.h"
#include "engine/interrupt.hpp"
#include "summary.skel.h"
#include "syscalls/syscall_table.hpp"

namespace sct {

static_assert(SCT_MAX_SYSCALL == kMaxSyscall, "the kernel's syscall sets are the filter's");
static_assert(sizeof(sct_count) == 40 && sizeof(sct_task) == 32, "summary_abi.h layout");

namespace {

void fill_set(volatile unsigned long long* words, auto&& member) {
  for (int w = 0; w < SCT_SET_WORDS; ++w) {
    unsigned long long v = 0;
    for (int b = 0; b < 64; ++b)
      if (member(w * 64 + b)) v |= 1ULL << b;
    words[w] = v;
  }
}

}  // namespace

const Capabilities& ebpf_capabilities() {
  static const Capabilities caps = [] {
    Capabilities c;
    c.engine = "ebpf";
    c.attach = true;
    // Tasks are found by pid in the kernel: the command need not be a child.
    c.daemonize = true;
    // No kprobes here, so no bpf_override_return: nothing can be injected.
    c.max_capture = SCT_BUF_CAP - 2;
    // -k: a window of the user stack is copied at entry and unwound with
    // the process's CFI in user space (docs/stack_traces.md).
    c.user_stacks = true;
    c.decodes_late = true;
    if (access("/sys/kernel/btf/vmlinux", R_OK) != 0)
      c.why_not = "--backend=ebpf: this kernel has no BTF (/sys/kernel/btf/vmlinux)";
    else if (geteuid() != 0)
      c.why_not = "--backend=ebpf: loading eBPF programs needs root (or CAP_BPF and CAP_PERFMON)";
    c.available = c.why_not.empty();
    return c;
  }();
  return caps;
}

EbpfTracer::~EbpfTracer() { summary_bpf__destroy(skel_); }

std::string EbpfTracer::start() {
  std::string e = start_command_around(opts_, child_, [this] { return load(); },
                                       [this] { return TaskMaps{skel_->maps.tasks, skel_->maps.live}; });
  if (e.empty() && opts_.daemonize && opts_.announce_task_changes) say(fmt::format("Process {} attached", child_));
  return e;
}

std::string EbpfTracer::load() {
  quiet_libbpf_unless(opts_.decode.verbose);
  skel_ = summary_bpf__open();
  if (!skel_) return ebpf_failure("cannot open the eBPF programs", errno);
  if (std::string e = set_task_rodata(skel_->rodata, opts_.follow_forks > 0); !e.empty()) return e;
  fill_set(skel_->rodata->wanted, [&](int nr) {
    return opts_.filter.traces(nr);
  });
  fill_set(skel_->rodata->never_fails, [](int nr) {
    const SyscallInfo* s = syscall_by_nr(nr);
    return s && (s->classes & NF);
  });
  if (int e = summary_bpf__load(skel_)) return ebpf_failure("the kernel refused the eBPF programs", -e);
  if (int e = summary_bpf__attach(skel_)) return ebpf_failure("cannot attach the eBPF programs", -e);

  TaskMaps m{skel_->maps.tasks, skel_->maps.live};
  return add_attached(m, opts_.attach);
}

int EbpfTracer::run() {
  // Nothing is stopped, so an interruption only ends the counting early.
  if (child_) reap_command(child_, true, exit_status_, fatal_signal_);
  // With -f and -p, as strace: until every traced process has gone.
  timespec tick{0, 20 * 1000 * 1000};
  while (!termination_signal && anything_traced({skel_->maps.tasks, skel_->maps.live})) nanosleep(&tick, nullptr);
  collect();
  if (int sig = termination_signal) interrupted_by(sig, exit_status_, fatal_signal_);
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
    CallCounts row;
    for (const auto& c : per_cpu) {
      if (!c.calls) continue;
      row.calls += c.calls;
      row.errors += c.errors;
      row.total_ns += static_cast<int64_t>(c.total_ns);
      row.min_ns = std::min(row.min_ns, static_cast<int64_t>(c.min_ns));
      row.max_ns = std::max(row.max_ns, static_cast<int64_t>(c.max_ns));
    }
    if (!row.calls) continue;
    RawEvent e;
    e.kind = RawEvent::Kind::Counts;
    e.tid = e.tgid = child_;
    e.nr = nr;
    e.counts = row;
    sink_.on_raw(e);
  }
  sink_.flush();
}

}  // namespace sct
