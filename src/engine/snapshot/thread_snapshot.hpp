// What /proc says of one thread and its process right now: the snapshot
// engine of --why-stuck (docs/diagnosis.md). Reading these files never stops
// the thread.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sct {

struct ThreadSnapshot {
  pid_t tid = 0;
  pid_t tgid = 0;
  std::string comm;
  char state = '?';  // R, S, D, T, t, Z, X, I (/proc/TID/stat)
  int cpu = -1;      // the CPU it last ran on
  // What /proc/TID/syscall says: inside call `nr`, running, or blocked
  // outside any call (a stop, a page fault).
  enum class Where { InCall, Running, OutsideCall, Unknown };
  Where where = Where::Unknown;
  long nr = -1;
  uint64_t args[6] = {};
  uint64_t sp = 0, pc = 0;
  std::string wchan;  // "" or "0" when none
  std::vector<std::string> kernel_stack;  // "hrtimer_nanosleep+0x74/0xf0"
  std::string stack_error;                // why kernel_stack is missing
  // Since the thread last ran, from the scheduler's clock (/proc/TID/sched
  // se.exec_start against this reader's own on the same CPU); none when
  // unknown.
  std::optional<int64_t> off_cpu_ns;
  uint64_t cpu_ns = 0;  // time on CPU (/proc/TID/schedstat)
  uint64_t voluntary_switches = 0, involuntary_switches = 0;
  pid_t tracer_pid = 0;
  uint64_t sig_caught = 0, sig_ignored = 0, sig_blocked = 0;  // masks, bit n-1 = signal n
};

struct ProcessSnapshot {
  pid_t pid = 0;
  pid_t ppid = 0;
  pid_t pgid = 0;
  std::string comm;
  std::vector<ThreadSnapshot> threads;
};

// Why a process could not be read: the errno of the first refused file
// (ENOENT: no such process; EACCES/EPERM: not permitted) and that file.
struct SnapshotError {
  int err = 0;
  std::string path;
};

// Reads every thread of process `pid`; false with `error` set when the
// process does not exist or a file needed to say what it does is refused.
// An unreadable kernel stack is not an error: it is noted per thread.
bool read_process(pid_t pid, ProcessSnapshot& out, SnapshotError& error);
// The scheduler clock of `cpu` now, as /proc/thread-self/sched shows it
// (ns); 0 when the kernel has no such file.
int64_t sched_clock_now_ns(int cpu);

}  // namespace sct
