// What engines report. Engines produce events; sinks consume them.
#pragma once

#include <sys/types.h>
#include <sys/wait.h>

#include <cstdint>
#include <ctime>
#include <string>

#include "core/call.hpp"
#include "core/call_counts.hpp"
#include "core/user_stack.hpp"
#include "core/value.hpp"

namespace sct {

struct Event {
  enum class Kind {
    SyscallEntry,   // call: entry part decoded
    SyscallExit,    // call: complete (ret set); duration_ns valid
    SyscallNoReturn,// the tracee vanished inside call: "= ?"
    Signal,         // sig, siginfo
    GroupStop,      // sig: "--- stopped by SIGSTOP ---"
    Exited,         // status: exit code
    Killed,         // sig, core_dumped
    Superseded,     // pid: old tid superseded by execve in `new_pid`
    Attached,       // pid: "Process N attached"
    Detached,       // pid: "Process N detached"
    Lost,           // lost: events the engine dropped here (eBPF buffer full)
    Counts,         // call (nr, name), counts: a syscall's totals counted
                    // elsewhere (the eBPF engine's in-kernel -c)
  };
  Kind kind = Kind::SyscallEntry;
  pid_t pid = 0;         // the thread (strace's "pid")
  pid_t tgid = 0;        // its process
  timespec wall{};      // CLOCK_REALTIME at the stop
  timespec mono{};      // CLOCK_MONOTONIC at the stop
  const DecodedCall* call = nullptr;
  int64_t duration_ns = 0;  // wall time between entry and exit
  int64_t cpu_ns = 0;       // the tracee's system time in the call
  int sig = 0;
  int status = 0;
  bool core_dumped = false;
  pid_t new_pid = 0;
  uint64_t lost = 0;
  const CallCounts* counts = nullptr;  // Counts
  int live_tracees = 1;  // how many tracees exist now (strace's pid prefix rule)
  // The session's -e status= and -e signal= decision: whether the line of
  // this call or signal is shown. Sinks that show lines obey it; the -c
  // summary counts every call, as strace's does.
  bool shown = true;
  // On SyscallExit/SyscallNoReturn: whether the call's entry was shown. Under
  // -e status= it is not (the outcome is not known yet), and the line is
  // written whole at the exit.
  bool entry_shown = true;
  std::string comm;      // -Y: the thread's command name, for its pid prefix
  // The line's -n and -i prefixes: the syscall the thread is in or made
  // last (-1: none seen), and its user instruction pointer (ip_known).
  long last_nr = -1;
  uint64_t ip = 0;
  bool ip_known = false;
  Value siginfo;        // decoded siginfo for Signal
  // -k: the user stack printed after this line (SyscallExit, SyscallNoReturn,
  // Signal, Exited: strace prints an exit's stack after "+++ exited").
  const UserStack* stack = nullptr;
  // It was unwound at the call's entry (a call that execs or ends the
  // program): strace 6.1 writes such a stack's symbol-less frames as
  // "FILE(+0x0)", others as "FILE()".
  bool stack_at_entry = false;
};

// An Exited or Killed event from a wait status.
inline void set_wait_status(Event& e, int status) {
  if (WIFEXITED(status)) {
    e.kind = Event::Kind::Exited;
    e.status = WEXITSTATUS(status);
  } else {
    e.kind = Event::Kind::Killed;
    e.sig = WTERMSIG(status);
    e.core_dumped = WCOREDUMP(status);
  }
}

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void on_event(const Event& e) = 0;
  // Everything written so far reaches its destination.
  virtual void flush() = 0;
  // A sink that can no longer write (a full disk, a closed pipe) says so.
  virtual bool failed() const { return false; }
};

}  // namespace sct
