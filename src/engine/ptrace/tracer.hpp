// The ptrace engine: starts or attaches to tracees, follows them, and turns
// their stops into Events for the sinks.
#pragma once

#include <sys/types.h>

#include <csignal>
#include <map>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "core/call.hpp"
#include "core/event.hpp"
#include "filter/path_filter.hpp"

namespace sct {

class PtraceTracer {
 public:
  PtraceTracer(const Options& opts, Sink& sink) : opts_(opts), sink_(sink) {}

  // Starts the command (stopped before exec) or attaches to -p pids.
  // Returns an error message for "sctrace: ..." or empty.
  std::string start();
  // Follows tracees until none is left or a termination signal arrives.
  // Returns sctrace's exit status (the started command's, strace's rules).
  int run();
  // The signal that killed the started command, or 0.
  int fatal_signal() const { return fatal_signal_; }
  // Whether tracing stopped because the output could not be written.
  bool output_failed() const { return output_failed_; }

  // Whether the sinks need arguments decoded; -c alone needs only the
  // number and the outcome, and is cheaper without reading tracee memory.
  void set_decode(bool on) { decode_ = on; }

  // The signal (SIGINT, SIGTERM, SIGHUP...) the handler caught; 0 until then.
  static volatile sig_atomic_t interrupted;

 private:
  struct Tracee {
    pid_t pid = 0;
    pid_t tgid = 0;
    bool seen_first_stop = false;
    bool hide = false;       // the started child before its execve
    bool in_syscall = false;
    bool attached = false;   // by -p: "Process N detached" at the end
    bool traced_call = false;  // the call in progress passed the filters
    bool seccomp_entry = false;  // it was seen at a seccomp stop
    DecodedCall call;
    timespec entry_mono{};
    int64_t entry_stime_ns = 0;
  };

  Tracee& add_tracee(pid_t pid);
  void handle_stop(pid_t pid, int status);
  void handle_syscall_stop(Tracee& t, bool seccomp_stop);
  void handle_event(Tracee& t, int event, int sig);
  void handle_exit(pid_t pid, int status);
  void resume(pid_t pid, int sig = 0);
  void emit(Event& e);
  Event make_event(Event::Kind k, pid_t pid);
  std::string attach(pid_t pid);
  void detach_all();

  const Options& opts_;
  Sink& sink_;
  std::map<pid_t, Tracee> tracees_;
  pid_t child_ = 0;       // the started command
  int exit_status_ = 0;
  int fatal_signal_ = 0;
  int64_t stop_stime_ns_ = 0;  // the stopped tracee's system time (wait4)
  bool use_seccomp_ = false;  // untraced syscalls do not stop the tracee
  PathFilter paths_;
  bool output_failed_ = false;
  bool decode_ = true;
};

}  // namespace sct
