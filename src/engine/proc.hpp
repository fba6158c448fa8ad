// What the engines read from /proc about a tracee.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sct {

// The numeric entries of a /proc directory (threads, descriptors); empty
// when it cannot be read.
std::vector<int> proc_numbers(const std::string& dir);
// Every thread of process `pid` now.
inline std::vector<int> threads_of(pid_t pid) { return proc_numbers("/proc/" + std::to_string(pid) + "/task"); }
// A call a thread is inside, as /proc/PID/task/TID/syscall shows it.
struct ProcSyscall {
  long nr = -1;
  uint64_t args[6] = {};
  uint64_t sp = 0;
  bool operator==(const ProcSyscall&) const = default;
};
// The call thread `tid` of process `tgid` is blocked in now; none when it
// runs, is blocked outside a call, or cannot be read.
std::optional<ProcSyscall> proc_syscall(pid_t tgid, pid_t tid);
// The process of thread `tid` (its Tgid in /proc); `tid` when unknown.
pid_t tgid_of(pid_t tid);
// The parent process of thread `tid` (its PPid in /proc); 0 when unknown.
pid_t ppid_of(pid_t tid);

}  // namespace sct
