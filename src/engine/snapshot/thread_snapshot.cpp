#include "engine/snapshot/thread_snapshot.hpp"

#include <sched.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>

#include "engine/snapshot/proc_files.hpp"

namespace sct {

namespace {

// se.exec_start in /proc/TID/sched is milliseconds with six decimals on the
// scheduler's clock (kernel/sched/debug.c, PN()); the clock's zero is boot.
std::optional<int64_t> exec_start_ns(const std::string& sched_text) {
  size_t at = sched_text.find("se.exec_start");
  if (at == std::string::npos) return std::nullopt;
  size_t colon = sched_text.find(':', at);
  if (colon == std::string::npos) return std::nullopt;
  std::string v = sched_text.substr(colon + 1, sched_text.find('\n', colon) - colon - 1);
  char* end = nullptr;
  long long ms = strtoll(v.c_str(), &end, 10);
  long long frac = 0;
  if (end && *end == '.') frac = strtoll(end + 1, nullptr, 10);
  return ms * 1000000LL + frac;
}

uint64_t hex_mask(const std::string& s) { return s.empty() ? 0 : strtoull(s.c_str(), nullptr, 16); }

// "/proc/TID/syscall": "NR A1..A6 SP PC", "running", or "-1 SP PC"
// (fs/proc/base.c, proc_pid_syscall).
void parse_syscall(const std::string& text, ThreadSnapshot& t) {
  if (text.starts_with("running")) {
    t.where = ThreadSnapshot::Where::Running;
    return;
  }
  unsigned long long a[8] = {};
  long nr = 0;
  int n = sscanf(text.c_str(), "%ld %llx %llx %llx %llx %llx %llx %llx %llx", &nr, &a[0], &a[1], &a[2], &a[3],
                 &a[4], &a[5], &a[6], &a[7]);
  if (n == 9 && nr >= 0) {
    t.where = ThreadSnapshot::Where::InCall;
    t.nr = nr;
    for (int i = 0; i < 6; ++i) t.args[i] = a[i];
    t.sp = a[6];
    t.pc = a[7];
  } else if (n == 3 && nr == -1) {
    t.where = ThreadSnapshot::Where::OutsideCall;
    t.sp = a[0];
    t.pc = a[1];
  }
}

// "/proc/TID/stat": the state follows the last ')' of the comm.
void parse_stat(const std::string& text, ThreadSnapshot& t, pid_t* ppid, pid_t* pgid) {
  size_t open = text.find('(');
  size_t close = text.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close + 2 >= text.size()) return;
  t.comm = text.substr(open + 1, close - open - 1);
  t.state = text[close + 2];
  int pp = 0, pg = 0;
  if (sscanf(text.c_str() + close + 3, "%d %d", &pp, &pg) == 2) {
    if (ppid) *ppid = pp;
    if (pgid) *pgid = pg;
  }
  // Field 39, "processor": the CPU it last ran on (proc(5)); fields count
  // from 1 and the state is field 3.
  const char* p = text.c_str() + close + 2;
  for (int field = 3; field < 39 && *p; ++field) {
    p = strchr(p, ' ');
    if (!p) return;
    ++p;
  }
  if (*p) t.cpu = atoi(p);
}

void read_stack(const std::string& dir, ThreadSnapshot& t) {
  std::string text;
  if (int err = read_text(dir + "/stack", text); err) {
    t.stack_error = err == EACCES || err == EPERM ? "not permitted (needs CAP_SYS_ADMIN)" : strerror(err);
    return;
  }
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    // "[<0>] hrtimer_nanosleep+0x74/0xf0": the address is hidden anyway.
    if (size_t sp = line.find("] "); sp != std::string::npos) line.erase(0, sp + 2);
    if (!line.empty()) t.kernel_stack.push_back(line);
    pos = end + 1;
  }
}

}  // namespace

int64_t sched_clock_now_ns(int cpu) {
  // se.exec_start is on the clock of the CPU the thread last ran on
  // (rq_clock_task: without interrupt and steal time, so CPUs drift apart,
  // by seconds in a VM). This thread moves to that CPU for an instant: its
  // own exec_start, set as it is scheduled in there, is that clock now.
  // Only sctrace's own affinity changes.
  cpu_set_t saved, one;
  const bool moved = cpu >= 0 && cpu < CPU_SETSIZE && sched_getaffinity(0, sizeof saved, &saved) == 0;
  if (moved) {
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    if (sched_setaffinity(0, sizeof one, &one) != 0) cpu = -1;
  }
  std::string text;
  int err = read_text("/proc/thread-self/sched", text);
  if (moved) sched_setaffinity(0, sizeof saved, &saved);
  return err ? 0 : exec_start_ns(text).value_or(0);
}

bool read_process(pid_t pid, ProcessSnapshot& out, SnapshotError& error) {
  out = ProcessSnapshot{};
  out.pid = pid;
  const std::string base = "/proc/" + std::to_string(pid);
  std::string text;
  if (int err = read_text(base + "/status", text); err) {
    error = {err, base + "/status"};
    return false;
  }
  // A thread id is not a process: /proc/TID exists but its Tgid differs.
  if (atoi(field_of(text, "Tgid").c_str()) != pid) {
    error = {ESRCH, base};
    return false;
  }
  std::map<int, int64_t> now_on_cpu;
  for (int tid : numeric_entries(base + "/task")) {
    ThreadSnapshot t;
    t.tid = tid;
    t.tgid = pid;
    const std::string dir = task_dir(pid, tid);
    if (int err = read_text(dir + "/stat", text); err) {
      if (err == ENOENT || err == ESRCH) continue;  // it exited meanwhile
      error = {err, dir + "/stat"};
      return false;
    }
    parse_stat(text, t, tid == pid ? &out.ppid : nullptr, tid == pid ? &out.pgid : nullptr);
    if (tid == pid) out.comm = t.comm;
    if (int err = read_text(dir + "/syscall", text); err) {
      if (err == ENOENT || err == ESRCH) continue;
      error = {err, dir + "/syscall"};
      return false;
    }
    parse_syscall(text, t);
    if (!read_text(dir + "/wchan", text)) t.wchan = text == "0" ? "" : text;
    read_stack(dir, t);
    if (!read_text(dir + "/status", text)) {
      t.tracer_pid = atoi(field_of(text, "TracerPid").c_str());
      t.voluntary_switches = strtoull(field_of(text, "voluntary_ctxt_switches").c_str(), nullptr, 10);
      t.involuntary_switches = strtoull(field_of(text, "nonvoluntary_ctxt_switches").c_str(), nullptr, 10);
      t.sig_caught = hex_mask(field_of(text, "SigCgt"));
      t.sig_ignored = hex_mask(field_of(text, "SigIgn"));
      t.sig_blocked = hex_mask(field_of(text, "SigBlk"));
    }
    if (!read_text(dir + "/schedstat", text)) t.cpu_ns = strtoull(text.c_str(), nullptr, 10);
    if (t.state == 'R') {
      t.off_cpu_ns = 0;
    } else if (t.cpu >= 0 && !read_text(dir + "/sched", text)) {
      auto [it, fresh] = now_on_cpu.try_emplace(t.cpu, 0);
      if (fresh) it->second = sched_clock_now_ns(t.cpu);
      auto start = exec_start_ns(text);
      if (start && it->second) t.off_cpu_ns = std::max<int64_t>(0, it->second - *start);
    }
    out.threads.push_back(std::move(t));
  }
  if (out.threads.empty()) {
    error = {ESRCH, base + "/task"};
    return false;
  }
  return true;
}

}  // namespace sct
