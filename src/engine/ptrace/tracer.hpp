// The ptrace engine: starts or attaches to tracees, follows them, and turns
// their stops into RawEvents for the session (nothing decoded here).
#pragma once

#include <sys/types.h>

#include <csignal>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/raw_event.hpp"
#include "syscalls/syscall_table.hpp"
#include "engine/engine.hpp"
#include "engine/engine_config.hpp"
#include "engine/interrupt.hpp"
#include "engine/ptrace/delay_queue.hpp"
#include "engine/ptrace/seccomp_filter.hpp"
#include "stack/stack_unwinder.hpp"

namespace sct {

class PtraceTracer : public Engine {
 public:
  PtraceTracer(EngineConfig cfg, RawEventSink& sink)
      : opts_(std::move(cfg)), sink_(sink), caps_(ptrace_capabilities()) {
    if (opts_.stack_trace)
      stacks_.emplace(StackOptions{opts_.stack_frame_limit, opts_.stack_source_lines});
  }

  const Capabilities& capabilities() const override { return caps_; }
  // Starts the command (stopped before exec) or attaches to -p pids.
  std::string start() override;
  int run() override;
  int fatal_signal() const override { return fatal_signal_; }
  bool output_failed() const override { return output_failed_; }
  void finish() override { serve_filtered(); }

  // After run() ended early (an interrupt, the output lost): tracees that
  // carry the seccomp filter cannot be let go, since without a tracer every
  // call the filter marks fails with ENOSYS. They are served silently here
  // until the last one exits. Nothing is printed.
  void serve_filtered();

  // Whether a started command gets the seccomp filter: some syscalls are
  // left out, and the fast path is not turned off.
  static bool uses_seccomp(const EngineConfig& cfg);


 private:
  struct Tracee {
    pid_t pid = 0;
    pid_t tgid = 0;
    bool seen_first_stop = false;
    bool hide = false;       // the started child before its execve
    // Traced only to keep its seccomp filter served: a descendant when -f is
    // not given, or every filtered tracee once tracing has ended.
    bool silent = false;
    bool filtered = false;   // carries the seccomp filter: never detached
    bool in_syscall = false;
    bool attached = false;   // by -p: "Process N detached" at the end
    bool seccomp_entry = false;  // it was seen at a seccomp stop
    // The started command before its first exec, which -b execve does not
    // count (strace's rule).
    bool initial_exec = false;
    // Met at its own first stop, before its creator's fork/clone event: that
    // event is still to come, and may come after this task has exited.
    bool before_creator_event = false;
    long nr = -1;                // the call in progress
    // -e inject= (docs/inject.md), for the call in progress:
    uint64_t args[6] = {};              // its arguments, where poke_exit= writes
    const Tampering* tamper = nullptr;  // what the session asked, or null
    bool replaced = false;              // its number was changed: set its return
    uint8_t tampered = 0;               // TamperBit: what was done so far
    int injected_signal = 0;  // sent by tgkill at a seccomp stop: shown as the kernel's
    uint64_t hold = 0;        // the token of its delay while held, else 0
    bool stack_at_entry = false; // -k: the call in progress was unwound at entry
  };

  // The session's handle on a tracee stopped at a call's entry.
  class EntryTamperer : public Tamperer {
   public:
    EntryTamperer(PtraceTracer& tracer, Tracee& t) : tracer_(tracer), t_(t) {}
    void tamper(const Tampering& how) override { tracer_.tamper_entry(t_, how); }

   private:
    PtraceTracer& tracer_;
    Tracee& t_;
  };
  // At the entry: pokes and the call's number; at the exit: pokes and the
  // return value (returned, as the call now returns it).
  void tamper_entry(Tracee& t, const Tampering& how);
  int64_t tamper_exit(Tracee& t, int64_t ret);
  // The same at an exit stop that is not shown (the trace has ended).
  void tamper_exit_unseen(Tracee& t);
  void poke_failed(pid_t pid);
  // Keeps a tracee stopped for a delay, then resumes it with `sig`.
  void hold(Tracee& t, int64_t ns, int sig);
  void resume_held(const std::vector<DelayQueue::Held>& held);

  Tracee& add_tracee(pid_t pid);
  void erase_tracee(std::map<pid_t, Tracee>::iterator it);
  void set_silent(Tracee& t);
  bool shown(const Tracee& t) const { return !t.hide && !t.silent; }
  Tracee& add_new_task(pid_t pid, const Tracee* creator = nullptr);
  void inherit(Tracee& child, const Tracee& creator);
  // Waits for the next tracee event and handles it; false when none can
  // come (no child left), true after an interruption too.
  bool wait_and_handle();
  void handle_stop(pid_t pid, int status);
  void handle_syscall_stop(Tracee& t, bool seccomp_stop);
  void handle_event(Tracee& t, int event, int sig);
  void handle_exit(pid_t pid, int status);
  void resume(pid_t pid, int sig = 0);
  void emit(const RawEvent& e) { sink_.on_raw(e); }
  // -k: the stopped thread's stack, when -k is on.
  UserStack unwind(const Tracee& t);
  RawEvent make_event(RawEvent::Kind k, pid_t pid);
  std::string attach(pid_t pid);
  // Forks the command, waits until it is seized, installs the filter, execs.
  std::string start_command(const std::string& path, const std::vector<sock_filter>& filter);
  // -D: this process becomes the command; a detached grandchild seizes it
  // and returns here as the tracer.
  std::string start_daemonized(const std::string& path, const std::vector<sock_filter>& filter);
  // The command just made a tracee, before it is let go to exec.
  void add_command(pid_t pid);
  // -b execve: a tracee that exec'd leaves the trace.
  void detach_at_exec(Tracee& t);

  // Ends tracing: unfiltered tracees are detached, filtered ones made silent.
  void release_all();

  const EngineConfig opts_;
  RawEventSink& sink_;
  const Capabilities caps_;
  std::map<pid_t, Tracee> tracees_;
  // Tasks that exited before their creator's fork/clone event came: that
  // event must not bring them back.
  std::set<pid_t> gone_before_creator_event_;
  int silent_count_ = 0;  // tracees_ that are silent: not in strace's count
  bool released_ = false;  // tracing has ended; filtered tracees are served
  pid_t child_ = 0;       // the started command
  int exit_status_ = 0;
  int fatal_signal_ = 0;
  int64_t stop_stime_ns_ = 0;  // the stopped tracee's system time (wait4)
  bool use_seccomp_ = false;  // untraced syscalls do not stop the tracee
  bool output_failed_ = false;
  DelayQueue delays_;  // tracees held by delay_enter= / delay_exit=
  std::optional<StackUnwinder> stacks_;  // -k
};

}  // namespace sct
