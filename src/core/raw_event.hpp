// What an engine saw, nothing decoded: the engines' side of the session
// (session/session.hpp). An engine turns its stops or records into these and
// hands them to a RawEventSink; the session keeps the call state, runs the
// decoders, applies the filters and makes the Events the sinks consume.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <cstdint>
#include <ctime>
#include <span>
#include <string_view>

#include "core/call_counts.hpp"
#include "core/memory.hpp"
#include "core/socket_snapshot.hpp"
#include "core/tampering.hpp"
#include "core/user_stack.hpp"

namespace sct {

struct RawEvent {
  enum class Kind {
    Entry,      // nr, args, sp, mem: a syscall entered
    Exit,       // nr, ret, mem (fd_hint): the thread's call returned
    Signal,     // sig, siginfo: a signal about to be delivered
    GroupStop,  // sig: stopped by it
    NewTask,    // child, child_tgid: `tid` made a new task
    Exec,       // former: `tid` (its leader) now runs what `former` exec'd
    TaskExit,   // status (a wait status); no_line: ended by another's execve
    Lost,       // lost: records the engine could not keep here
    Detached,   // tracing of `tid` ended while it runs on
    KnownFds,   // the process's descriptors opened before the trace: from
                // /proc now (before_exec: only those its execve keeps)
    Counts,     // nr, counts: one syscall's totals, counted by the engine
  };
  Kind kind = Kind::Entry;
  pid_t tid = 0;
  pid_t tgid = 0;
  timespec wall{};  // CLOCK_REALTIME when seen
  timespec mono{};  // CLOCK_MONOTONIC when seen
  // A clock of the thread's time in calls, read at entry and exit: ptrace's
  // system time (what strace's -c counts), the eBPF engine's monotonic clock
  // (latency; docs/ebpf.md).
  int64_t cpu_clock_ns = 0;
  int live_tasks = 1;  // how many traced tasks exist now (the pid prefix rule)

  // Entry and Exit.
  long nr = -1;
  uint64_t args[6] = {};
  uint64_t sp = 0;
  // Entry and Signal: the user instruction pointer (-i), when ip_known.
  // Signal: `nr` is the call the thread was in or last made, -1 if unknown.
  uint64_t ip = 0;
  bool ip_known = false;
  int64_t ret = 0;
  Memory* mem = nullptr;  // the tracee's memory as the engine can serve it
  // Exit of a descriptor-returning call: the path the engine saw the new
  // descriptor refer to, or empty (the session looks further).
  std::string_view fd_hint;
  // Exit of a call that makes a pair of descriptors (RFdPair): the two, and
  // what the engine saw each refer to (empty: the session looks further);
  // -1: not known.
  int pair_fds[2] = {-1, -1};
  std::string_view pair_hints[2];
  // Entry and Exit, -yy: what the kernel knew of the sockets of this
  // stop's descriptors when strace would have asked sock_diag about them
  // (an engine that decodes late copies them; the others leave it empty,
  // and the session asks sock_diag). Exit: those it made, then the entry's.
  std::span<const SocketSnapshot> sockets;
  // Entry: how the session has the engine tamper with this call (-e
  // inject=); null when the engine cannot. Exit: what was done (TamperBit).
  Tamperer* tamperer = nullptr;
  uint8_t tampered = 0;
  // -k (Entry, Exit, Signal): the thread's user stack, when the engine
  // unwound it at this stop (src/stack/); null otherwise.
  const UserStack* stack = nullptr;

  int sig = 0;
  siginfo_t siginfo{};
  pid_t child = 0, child_tgid = 0;  // NewTask
  pid_t former = 0;                 // Exec
  int status = 0;                   // TaskExit
  bool no_line = false;             // TaskExit
  bool before_exec = false;         // KnownFds
  uint64_t lost = 0;                // Lost
  CallCounts counts;                // Counts
};

// Where an engine sends what it sees (the Session).
class RawEventSink {
 public:
  virtual ~RawEventSink() = default;
  virtual void on_raw(const RawEvent& e) = 0;
  // Everything handed on so far reaches its destination.
  virtual void flush() = 0;
  // Nothing more can be written: the engine stops tracing.
  virtual bool failed() const = 0;
};

}  // namespace sct
