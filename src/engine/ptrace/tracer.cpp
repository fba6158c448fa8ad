#include "engine/ptrace/tracer.hpp"

#include <sched.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/stat.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include <algorithm>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>

#include "engine/command.hpp"
#include "engine/proc.hpp"
#include "engine/ptrace/injector.hpp"
#include "engine/ptrace/seccomp_filter.hpp"
#include "engine/ptrace_memory.hpp"
#include "engine/ptrace/ptrace_stack_source.hpp"

namespace sct {

namespace {

timespec now(clockid_t c) {
  timespec ts;
  clock_gettime(c, &ts);
  return ts;
}

bool is_stop_signal(int sig) {
  return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

}  // namespace

PtraceTracer::Tracee& PtraceTracer::add_tracee(pid_t pid) {
  Tracee& t = tracees_[pid];
  t.pid = pid;
  // Once per new tracee: ptrace reports threads and processes alike.
  t.tgid = tgid_of(pid);
  return t;
}

// A task the kernel attached for us (fork, vfork, clone). Its stop can come
// before its creator's event, so when the creator is not given, it is found
// from /proc: a thread from its thread group, a process from its parent.
PtraceTracer::Tracee& PtraceTracer::add_new_task(pid_t pid, const Tracee* creator) {
  Tracee& t = add_tracee(pid);
  if (!creator) {
    pid_t from = t.tgid != pid ? t.tgid : ppid_of(pid);
    for (auto& [p, other] : tracees_)
      if (p != pid && other.tgid == from) {
        creator = &other;
        break;
      }
  }
  if (creator) {
    inherit(t, *creator);
  } else {
    // Unknown creator (CLONE_PARENT, or it is gone): when a command runs
    // under the filter, assume the filter; a wrong guess only costs exit stops.
    t.filtered = use_seccomp_;
    if (!opts_.follow_forks || released_) set_silent(t);
  }
  if (!t.silent && opts_.announce_new_tasks) say(fmt::format("Process {} attached", pid));
  return t;
}

void PtraceTracer::inherit(Tracee& child, const Tracee& creator) {
  child.filtered = creator.filtered;
  child.hide = creator.hide;
  // Without -f only the command itself is shown; the kernel follows its
  // descendants for us only because the filter they inherit needs a tracer.
  if (!opts_.follow_forks || released_ || creator.silent) set_silent(child);
}

void PtraceTracer::erase_tracee(std::map<pid_t, Tracee>::iterator it) {
  if (it->second.silent) --silent_count_;
  tracees_.erase(it);
}

void PtraceTracer::set_silent(Tracee& t) {
  if (t.silent) return;
  t.silent = true;
  ++silent_count_;
}

bool PtraceTracer::uses_seccomp(const EngineConfig& cfg) {
  return cfg.seccomp && !cfg.filter.trace_all && !cfg.command.empty();
}

RawEvent PtraceTracer::make_event(RawEvent::Kind k, pid_t pid) {
  RawEvent e;
  e.kind = k;
  e.tid = pid;
  auto t = tracees_.find(pid);
  e.tgid = t != tracees_.end() ? t->second.tgid : pid;
  e.wall = now(CLOCK_REALTIME);
  e.mono = now(CLOCK_MONOTONIC);
  e.live_tasks = static_cast<int>(tracees_.size()) - silent_count_;
  return e;
}

long seize_options(const EngineConfig& o, bool seccomp) {
  long opts = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC;
  // Under the filter every descendant is followed, shown or not: a task that
  // inherits the filter and has no tracer gets ENOSYS for every marked call.
  if (o.follow_forks || seccomp) opts |= PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE;
  // If sctrace is killed outright (SIGKILL of the tracing process), a filtered
  // tracee dies with it rather than running on with calls failing.
  if (seccomp) opts |= PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL;
  // --kill-on-exit: every tracee dies with the tracer, even a SIGKILLed one.
  if (o.kill_on_exit) opts |= PTRACE_O_EXITKILL;
  return opts;
}

std::string PtraceTracer::attach(pid_t pid) {
  // Every thread of the process.
  std::vector<pid_t> tids = threads_of(pid);
  if (tids.empty()) tids.push_back(pid);
  int attached = 0;
  for (pid_t tid : tids) {
    if (ptrace(PTRACE_SEIZE, tid, 0, seize_options(opts_, false)) != 0) {
      if (tid == pid || attached == 0)
        return fmt::format("attach: ptrace(PTRACE_SEIZE, {}): {}", tid, strerror(errno));
      continue;
    }
    ptrace(PTRACE_INTERRUPT, tid, 0, 0);
    Tracee& t = add_tracee(tid);
    t.attached = true;
    ++attached;
  }
  if (!(opts_.quiet_mask & kQuietAttach)) {
    if (attached > 1) say(fmt::format("Process {} attached with {} threads", pid, attached));
    else say(fmt::format("Process {} attached", pid));
  }
  return {};
}

std::string PtraceTracer::start() {
  for (pid_t p : opts_.attach) {
    if (std::string refusal = self_attach_refusal(p); !refusal.empty()) return refusal;
    if (std::string err = attach(p); !err.empty()) {
      release_all();
      return err;
    }
  }
  if (opts_.command.empty()) return {};

  std::string err;
  std::string path = find_program(opts_.command[0], err);
  if (!err.empty()) return err;

  // The fast path needs the filter installed before exec: only for a
  // command we start, and only when some syscalls are left out.
  use_seccomp_ = uses_seccomp(opts_);
  std::vector<sock_filter> filter;
  if (use_seccomp_) filter = build_seccomp_filter(opts_.filter.trace);
  if (opts_.daemonize) return start_daemonized(path, filter);
  return start_command(path, filter);
}

void PtraceTracer::add_command(pid_t pid) {
  ptrace(PTRACE_INTERRUPT, pid, 0, 0);
  Tracee& t = add_tracee(pid);
  t.hide = true;
  t.filtered = use_seccomp_;
  t.initial_exec = true;
  child_ = pid;
}

namespace {

// In the command, once seized: the environment, the filter, the exec.
[[noreturn]] void become_command(const EngineConfig& o, const std::string& path,
                                 const std::vector<sock_filter>& filter, bool traced) {
  apply_env(o.env);
  if (!filter.empty() && traced) {
    if (std::string e = install_seccomp_filter(filter); !e.empty()) {
      fprintf(stderr, "sctrace: %s\n", e.c_str());
      _exit(1);
    }
  }
  exec_command(path, o.command, o.setup);
}

}  // namespace

std::string PtraceTracer::start_command(const std::string& path, const std::vector<sock_filter>& filter) {
  int sync[2];
  if (pipe2(sync, O_CLOEXEC) != 0) return fmt::format("pipe: {}", strerror(errno));
  int tracer_cpu = sched_getcpu();
  pid_t pid = fork();
  if (pid < 0) return fmt::format("fork: {}", strerror(errno));
  if (pid == 0) {
    close(sync[1]);
    // Start on the tracer's CPU. Every stop is a wake-up of the other side;
    // across CPUs each costs an inter-processor wake-up, which on these VMs
    // made a full trace up to 3x slower (bench/). The mask is restored at
    // once: the command keeps every CPU it was allowed.
    cpu_set_t allowed, here;
    if (tracer_cpu >= 0 && sched_getaffinity(0, sizeof allowed, &allowed) == 0) {
      CPU_ZERO(&here);
      CPU_SET(tracer_cpu, &here);
      sched_setaffinity(0, sizeof here, &here);
      sched_setaffinity(0, sizeof allowed, &allowed);
    }
    // Wait until the tracer has seized us, so execve is the first thing seen.
    // If the tracer is gone (sctrace killed while starting), the command runs
    // untraced, and without the filter: nobody would serve it.
    bool traced = wait_for_tracer(sync[0]);
    become_command(opts_, path, filter, traced);
  }
  close(sync[0]);
  child_ = pid;
  if (ptrace(PTRACE_SEIZE, pid, 0, seize_options(opts_, use_seccomp_)) != 0) {
    std::string e = fmt::format("ptrace(PTRACE_SEIZE, {}): {}", pid, strerror(errno));
    kill(pid, SIGKILL);
    return e;
  }
  add_command(pid);
  char go = 1;
  while (write(sync[1], &go, 1) < 0 && errno == EINTR) {}
  close(sync[1]);
  return {};
}

std::string PtraceTracer::start_daemonized(const std::string& path, const std::vector<sock_filter>& filter) {
  int sync[2];
  if (pipe2(sync, O_CLOEXEC) != 0) return fmt::format("pipe: {}", strerror(errno));
  const pid_t command = getpid();
  // Under Yama's ptrace_scope 1 only an ancestor may seize a process; the
  // tracer here is a grandchild, so this process lets it (until its exec).
  prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
  pid_t middle = fork();
  if (middle < 0) return fmt::format("fork: {}", strerror(errno));
  if (middle == 0) {
    // The middle process exits at once: the tracer, orphaned, is nobody's
    // child the shell knows of, and the command has no child left behind.
    pid_t tracer = fork();
    if (tracer != 0) _exit(tracer < 0 ? 1 : 0);
    close(sync[0]);
    // -DD: out of the terminal's foreground group, so Ctrl-C and Ctrl-Z at
    // the terminal reach the command only; -DDD: out of its session too.
    if (opts_.daemonize == 2) setpgid(0, 0);
    if (opts_.daemonize >= 3) setsid();
    if (ptrace(PTRACE_SEIZE, command, 0, seize_options(opts_, use_seccomp_)) != 0) {
      std::string e = fmt::format("attach: ptrace(PTRACE_SEIZE, {}): {}", command, strerror(errno));
      close(sync[1]);  // the command gives up without running
      return e;
    }
    add_command(command);
    // The command is seized as -p would seize it, and strace says so.
    if (opts_.announce_task_changes) say(fmt::format("Process {} attached", command));
    char go = 1;
    while (write(sync[1], &go, 1) < 0 && errno == EINTR) {}
    close(sync[1]);
    return {};
  }
  // This process, the one the shell waits for, becomes the command.
  close(sync[1]);
  while (waitpid(middle, nullptr, 0) < 0 && errno == EINTR) {}
  bool traced = wait_for_tracer(sync[0]);
  prctl(PR_SET_PTRACER, 0, 0, 0, 0);
  // Not seized: the tracer said why; the command does not run untraced.
  if (!traced) _exit(1);
  become_command(opts_, path, filter, traced);
}

void PtraceTracer::resume(pid_t pid, int sig) {
  // Under the seccomp filter a tracee runs freely until its next traced
  // syscall, except inside one, where its exit must be seen.
  // A tracee attached by -p has no filter: it stops only if asked to.
  auto it = tracees_.find(pid);
  bool cont = it != tracees_.end() && it->second.filtered && !it->second.in_syscall;
  ptrace(cont ? PTRACE_CONT : PTRACE_SYSCALL, pid, 0, sig);
}

int PtraceTracer::run() {
  // The trace is over when only silent tracees are left (descendants of a
  // command traced without -f, which exited): strace would not wait for
  // them. They are served by serve_filtered() afterwards.
  while (static_cast<int>(tracees_.size()) > silent_count_) {
    if (termination_signal || trace_complete) {
      // trace_complete (--syscall-limit): the command runs on untraced.
      release_all();
      break;
    }
    if (sink_.failed()) {
      // Nothing more can be written: let every tracee go on untraced.
      output_failed_ = true;
      release_all();
      break;
    }
    if (!wait_and_handle()) break;
  }
  sink_.flush();
  return exit_status_;
}

void PtraceTracer::handle_exit(pid_t pid, int status) {
  auto it = tracees_.find(pid);
  if (it == tracees_.end()) return;
  Tracee& t = it->second;
  RawEvent e = make_event(RawEvent::Kind::TaskExit, pid);
  e.status = status;
  if (pid == child_) {
    if (WIFEXITED(status)) exit_status_ = WEXITSTATUS(status);
    else {
      exit_status_ = 128 + WTERMSIG(status);
      fatal_signal_ = WTERMSIG(status);
    }
  }
  if (shown(t)) emit(e);
  // -k: a process's modules (and the files libdw holds open) go with it.
  if (stacks_ && t.tgid == pid) stacks_->forget(pid);
  if (t.before_creator_event) gone_before_creator_event_.insert(pid);
  erase_tracee(it);
}

void PtraceTracer::handle_stop(pid_t pid, int status) {
  auto it = tracees_.find(pid);
  // A new child can report before its parent's fork event.
  Tracee& t = it == tracees_.end() ? add_new_task(pid) : it->second;
  if (it == tracees_.end()) t.before_creator_event = true;
  int sig = WSTOPSIG(status);
  int event = status >> 16;
  if (sig == (SIGTRAP | 0x80)) {
    handle_syscall_stop(t, false);
    return;
  }
  if (event == PTRACE_EVENT_SECCOMP) {
    handle_syscall_stop(t, true);
    return;
  }
  if (event) {
    handle_event(t, event, sig);
    return;
  }
  // A signal about to be delivered.
  siginfo_t si{};
  bool have_si = false;
  if ((shown(t) || t.injected_signal) && ptrace(PTRACE_GETSIGINFO, pid, 0, &si) == 0) {
    have_si = true;
    if (t.injected_signal == sig && si.si_code == SI_TKILL && si.si_pid == getpid()) {
      // The signal= of -e inject= sent at a seccomp stop, where the kernel
      // ignores a signal given with the resume: the tracee gets it as if
      // the kernel had sent it at the syscall-entry stop, as under strace.
      si = siginfo_t{};
      si.si_signo = sig;
      si.si_code = SI_KERNEL;
      ptrace(PTRACE_SETSIGINFO, pid, 0, &si);
      t.injected_signal = 0;
    }
  }
  if (shown(t) && have_si) {
    RawEvent e = make_event(RawEvent::Kind::Signal, pid);
    e.sig = sig;
    e.siginfo = si;
    UserStack stack;
    if (stacks_ && sig > 0 && sig < 65 && opts_.filter.signals.test(static_cast<size_t>(sig))) {
      stack = unwind(t);
      e.stack = &stack;
    }
    // Where the signal finds the thread (-i), and the call it is in (-n).
    if (user_regs_struct regs; ptrace(PTRACE_GETREGS, pid, 0, &regs) == 0) {
      e.ip = regs.rip;
      e.ip_known = true;
      e.nr = static_cast<long>(regs.orig_rax);
    }
    emit(e);
  }
  resume(pid, sig);
}

void PtraceTracer::handle_event(Tracee& t, int event, int sig) {
  pid_t pid = t.pid;
  switch (event) {
    case PTRACE_EVENT_FORK:
    case PTRACE_EVENT_VFORK:
    case PTRACE_EVENT_CLONE: {
      unsigned long child = 0;
      ptrace(PTRACE_GETEVENTMSG, pid, 0, &child);
      // The creator is known for sure now, also for a child already met.
      auto c = tracees_.find(static_cast<pid_t>(child));
      if (c != tracees_.end()) {
        c->second.before_creator_event = false;
        inherit(c->second, t);
      } else if (!gone_before_creator_event_.erase(static_cast<pid_t>(child))) {
        add_new_task(static_cast<pid_t>(child), &t);
      }  // else it ran and exited before this event: not to be met again
      resume(pid);
      return;
    }
    case PTRACE_EVENT_EXEC: {
      unsigned long former = 0;
      ptrace(PTRACE_GETEVENTMSG, pid, 0, &former);
      auto old = tracees_.find(static_cast<pid_t>(former));
      // With the seccomp filter an untraced execve is never seen entering:
      // the started command becomes visible at its exec.
      t.hide = false;
      if (static_cast<pid_t>(former) != pid && old != tracees_.end()) {
        // A non-leader thread ran execve: the kernel gave it the leader's
        // pid. The leader's own call never returns; the thread's execve
        // goes on under the leader's pid.
        if (shown(t)) {
          RawEvent gone = make_event(RawEvent::Kind::TaskExit, pid);
          gone.no_line = true;
          emit(gone);
          RawEvent e = make_event(RawEvent::Kind::Exec, pid);
          e.former = static_cast<pid_t>(former);
          emit(e);
        }
        Tracee moved = old->second;
        moved.pid = pid;
        moved.tgid = pid;
        erase_tracee(old);
        erase_tracee(tracees_.find(pid));
        if (moved.silent) ++silent_count_;
        tracees_[pid] = moved;
      }
      if (opts_.detach_on_execve) {
        Tracee& now = tracees_[pid];
        if (!now.initial_exec && shown(now)) {
          detach_at_exec(now);
          return;
        }
        now.initial_exec = false;
      }
      resume(pid);
      return;
    }
    case PTRACE_EVENT_STOP: {
      // The first stop of a new tracee and PTRACE_INTERRUPT stops are not
      // group-stops; a group-stop carries the stopping signal.
      bool group_stop = t.seen_first_stop && is_stop_signal(sig);
      t.seen_first_stop = true;
      if (group_stop) {
        if (shown(t)) {
          RawEvent e = make_event(RawEvent::Kind::GroupStop, pid);
          e.sig = sig;
          emit(e);
        }
        // Stopped it stays, whether shown or not, until a SIGCONT.
        ptrace(PTRACE_LISTEN, pid, 0, 0);
        return;
      }
      resume(pid);
      return;
    }
    default:
      resume(pid);
      return;
  }
}

void PtraceTracer::handle_syscall_stop(Tracee& t, bool seccomp_stop) {
  pid_t pid = t.pid;
  if (t.silent) {
    // Made silent inside a tampered call (the trace ended): it still
    // returns what it was to return.
    if (t.tamper && t.in_syscall) tamper_exit_unseen(t);
    t.in_syscall = false;
    resume(pid);
    return;
  }
  __ptrace_syscall_info info{};
  long n = ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof info, &info);
  if (n <= 0) {
    resume(pid);
    return;
  }
  bool entry = info.op == PTRACE_SYSCALL_INFO_ENTRY || info.op == PTRACE_SYSCALL_INFO_SECCOMP;
  if (entry && t.in_syscall && t.seccomp_entry && info.op == PTRACE_SYSCALL_INFO_ENTRY) {
    // Kernels before 4.8 stop at entry again after the seccomp stop.
    resume(pid);
    return;
  }
  if (entry) {
    t.in_syscall = true;
    t.seccomp_entry = seccomp_stop;
    // The seccomp and entry views share their first fields: nr, then args.
    bool sc = info.op == PTRACE_SYSCALL_INFO_SECCOMP;
    t.nr = static_cast<long>(sc ? info.seccomp.nr : info.entry.nr);
    t.tamper = nullptr;
    t.replaced = false;
    t.tampered = 0;
    const SyscallInfo* s = syscall_by_nr(t.nr);
    const bool before_first_exec = t.hide;
    if (t.hide && has_role(s, RExec)) t.hide = false;
    // exit and exit_group do not come back: no exit stop to wait for.
    if (s && s->ret == Ret::None) t.in_syscall = false;
    if (t.hide) {
      resume(pid);
      return;
    }
    RawEvent ev = make_event(RawEvent::Kind::Entry, pid);
    ev.cpu_clock_ns = stop_stime_ns_;
    ev.nr = t.nr;
    for (int i = 0; i < 6; ++i) ev.args[i] = t.args[i] = sc ? info.seccomp.args[i] : info.entry.args[i];
    ev.sp = info.stack_pointer;
    ev.ip = info.instruction_pointer;
    ev.ip_known = true;
    PtraceMemory mem(pid);
    ev.mem = &mem;
    EntryTamperer tamperer(*this, t);
    ev.tamperer = &tamperer;
    // -k, as strace: a call that replaces or ends the program is unwound at
    // entry, while its stack is there; any other at exit. The command's
    // first execve is unwound after it: before it, sctrace's own child ran.
    UserStack stack;
    t.stack_at_entry = stacks_ && opts_.filter.traces(t.nr) && !before_first_exec &&
                       (has_role(s, RExec) || (s && s->ret == Ret::None));
    if (t.stack_at_entry) {
      stack = unwind(t);
      ev.stack = &stack;
    }
    emit(ev);
    if (!t.tamper) {
      resume(pid);
      return;
    }
    int sig = t.tamper->signal;
    if (sig && sc) {
      // A signal given with the resume from a seccomp stop is dropped by
      // the kernel (ptrace_event ignores it): sent now, it is pending as
      // the call runs, as from a syscall-entry stop.
      if (syscall(SYS_tgkill, t.tgid, pid, sig) == 0) t.injected_signal = sig;
      sig = 0;
    }
    if (t.tamper->delay_enter_ns >= 0) {
      hold(t, t.tamper->delay_enter_ns, sig);
      return;
    }
    resume(pid, sig);
    return;
  } else if (info.op == PTRACE_SYSCALL_INFO_EXIT) {
    int64_t ret = info.exit.rval;
    const Tampering* how = t.in_syscall ? t.tamper : nullptr;
    if (how) ret = tamper_exit(t, ret);
    if (t.in_syscall && !t.hide) {
      RawEvent ev = make_event(RawEvent::Kind::Exit, pid);
      ev.cpu_clock_ns = stop_stime_ns_;
      ev.nr = t.nr;
      ev.ret = ret;
      ev.tampered = t.tampered;
      PtraceMemory mem(pid);
      ev.mem = &mem;
      UserStack stack;
      if (stacks_) {
        // The modules first: an execve's exit is unwound in the new program.
        stacks_->after_call(t.tgid, syscall_by_nr(t.nr));
        if (!t.stack_at_entry && opts_.filter.traces(t.nr)) {
          stack = unwind(t);
          ev.stack = &stack;
        }
      }
      emit(ev);
    }
    t.in_syscall = false;
    t.tamper = nullptr;
    if (how && how->delay_exit_ns >= 0) {
      hold(t, how->delay_exit_ns, 0);
      return;
    }
  }
  resume(pid);
}

void PtraceTracer::tamper_entry(Tracee& t, const Tampering& how) {
  t.tamper = &how;
  if (!how.poke_enter.empty()) {
    if (write_pokes(t.pid, t.args, how.poke_enter)) t.tampered |= kTamperedArgs;
    else poke_failed(t.pid);
  }
  if (how.replace) {
    t.replaced = set_syscall_nr(t.pid, how.substitute);
    // Its exit is to be seen even for a call that would not return.
    t.in_syscall = true;
  }
  if (how.delays()) t.tampered |= kTamperDelayed;
}

int64_t PtraceTracer::tamper_exit(Tracee& t, int64_t ret) {
  const Tampering& how = *t.tamper;
  if (!how.poke_exit.empty()) {
    if (write_pokes(t.pid, t.args, how.poke_exit)) t.tampered |= kTamperedArgs;
    else poke_failed(t.pid);
  }
  if (!how.replace || !t.replaced) return ret;
  // Skipped (-1), the call failed with ENOSYS; a substitute (a %pure call)
  // succeeded. Anything else means the call was not what was set up.
  const bool failed = ret < 0 && ret >= -4095;
  if (failed == (how.substitute >= 0)) {
    sink_.flush();
    say(fmt::format("Failed to tamper with process {}: unexpectedly got {}error (return value {:#x}, error {})", t.pid,
                    failed ? "" : "no ", static_cast<uint64_t>(ret), failed ? -ret : 0));
    return ret;
  }
  const uint64_t value = how.is_error ? static_cast<uint64_t>(-static_cast<int64_t>(how.value)) : how.value;
  if (!set_return_value(t.pid, value)) return ret;
  t.tampered |= kTamperedReturn | (how.is_error ? kTamperedError : 0);
  return static_cast<int64_t>(value);
}

void PtraceTracer::tamper_exit_unseen(Tracee& t) {
  __ptrace_syscall_info info{};
  if (ptrace(PTRACE_GET_SYSCALL_INFO, t.pid, sizeof info, &info) > 0 && info.op == PTRACE_SYSCALL_INFO_EXIT)
    tamper_exit(t, info.exit.rval);
  t.tamper = nullptr;
}

void PtraceTracer::poke_failed(pid_t pid) {
  // strace's words; the trace so far goes out first, as strace's would.
  sink_.flush();
  say(fmt::format("poke_tcb: Failed to tamper with process {}: couldn't poke", pid));
}

void PtraceTracer::hold(Tracee& t, int64_t ns, int sig) { t.hold = delays_.hold(t.pid, ns, sig); }

void PtraceTracer::resume_held(const std::vector<DelayQueue::Held>& held) {
  for (const DelayQueue::Held& h : held) {
    auto it = tracees_.find(h.pid);
    // Gone (killed while held), or a new task with a reused id.
    if (it == tracees_.end() || it->second.hold != h.token) continue;
    it->second.hold = 0;
    resume(h.pid, h.sig);
  }
}

UserStack PtraceTracer::unwind(const Tracee& t) {
  PtraceStackSource src(t.pid);
  return stacks_->unwind(t.tgid, t.pid, src);
}

void PtraceTracer::detach_at_exec(Tracee& t) {
  const pid_t pid = t.pid;
  // strace's order: its message ends the exec's unfinished line, then
  // " <detached ...>" follows; the trace so far must be out first.
  sink_.flush();
  // A -p process is told of wherever the trace goes, as at the end.
  if (opts_.announce_task_changes || (t.attached && !(opts_.quiet_mask & kQuietAttach)))
    say(fmt::format("Process {} detached", pid));
  emit(make_event(RawEvent::Kind::Detached, pid));
  if (t.filtered) {
    // A task that carries the seccomp filter cannot be let go: it leaves the
    // trace and is served silently until it exits (docs/seccomp.md).
    set_silent(t);
    resume(pid);
    return;
  }
  ptrace(PTRACE_DETACH, pid, 0, 0);
  erase_tracee(tracees_.find(pid));
}

void PtraceTracer::release_all() {
  released_ = true;
  // Delays are cut short: a held tracee is stopped, and would never report
  // the stop the detaching below waits for.
  resume_held(delays_.take_all());
  if (opts_.kill_on_exit) {
    // --kill-on-exit: nothing is let go. Killed now rather than when this
    // process exits, so that none outlives the trace by a moment.
    for (auto& [pid, t] : tracees_) kill(pid, SIGKILL);
    sink_.flush();
    return;
  }
  // A filtered tracee is never let go (its marked calls would fail): it
  // leaves the trace as if detached, and is served silently from now on.
  // The others are interrupted, then detached at their next stop, handing
  // back any pending signal.
  for (auto& [pid, t] : tracees_) {
    if (t.filtered) {
      if (shown(t)) {
        emit(make_event(RawEvent::Kind::Detached, pid));
      }
      set_silent(t);
    } else {
      ptrace(PTRACE_INTERRUPT, pid, 0, 0);
    }
  }
  auto unfiltered_left = [this] {
    for (auto& [pid, t] : tracees_)
      if (!t.filtered) return true;
    return false;
  };
  while (unfiltered_left()) {
    int status;
    pid_t pid = waitpid(-1, &status, __WALL);
    if (pid < 0) {
      if (errno == EINTR) continue;
      break;
    }
    auto it = tracees_.find(pid);
    bool met = it != tracees_.end();
    if (!met) it = tracees_.find(add_new_task(pid).pid);
    if (it->second.filtered) {
      if (WIFEXITED(status) || WIFSIGNALED(status)) handle_exit(pid, status);
      else if (WIFSTOPPED(status)) handle_stop(pid, status);
      continue;
    }
    if (WIFEXITED(status) || WIFSIGNALED(status)) {
      erase_tracee(it);
      continue;
    }
    if (!WIFSTOPPED(status)) continue;
    int sig = WSTOPSIG(status);
    int event = status >> 16;
    int pass = 0;
    if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK || event == PTRACE_EVENT_CLONE) {
      unsigned long child = 0;
      ptrace(PTRACE_GETEVENTMSG, pid, 0, &child);
      // The new child is traced too; it stops on its own, then goes.
      if (!tracees_.count(static_cast<pid_t>(child)) && !gone_before_creator_event_.erase(static_cast<pid_t>(child)))
        add_new_task(static_cast<pid_t>(child));
    } else if (event == 0 && sig != (SIGTRAP | 0x80)) {
      pass = sig;  // a signal-delivery stop: the signal must not be lost
    } else if (sig == (SIGTRAP | 0x80) && it->second.tamper && it->second.in_syscall) {
      tamper_exit_unseen(it->second);  // a tampered call still returns its value
    }
    if (!met) {
      // A child we had not met yet: it is in its first stop.
      ptrace(PTRACE_DETACH, pid, 0, 0);
      erase_tracee(it);
      continue;
    }
    bool attached = it->second.attached;
    ptrace(PTRACE_DETACH, pid, 0, pass);
    if (shown(it->second)) {
      emit(make_event(RawEvent::Kind::Detached, pid));
    }
    erase_tracee(it);
    if (attached && !(opts_.quiet_mask & kQuietAttach)) say(fmt::format("Process {} detached", pid));
  }
  sink_.flush();
}

bool PtraceTracer::wait_and_handle() {
  int status;
  rusage ru{};
  // wait4 reports the stopped tracee's system time for free: -c uses it,
  // as strace does.
  pid_t pid;
  for (;;) {
    if (!delays_.empty()) {
      // Tracees are held (-e inject= delays): their deadlines and the
      // others' events are both waited for.
      resume_held(delays_.take_due());
      if (!delays_.empty()) {
        pid = wait4(-1, &status, __WALL | WNOHANG, &ru);
        if (pid > 0) break;
        if (pid < 0 && errno != EINTR) return false;
        if (termination_signal) return true;
        delays_.sleep();
        continue;
      }
    }
    pid = wait4(-1, &status, __WALL, &ru);
    if (pid > 0) break;
    if (errno != EINTR) return false;     // no tracee left to wait for
    if (termination_signal) return true;  // the caller decides what to do
  }
  stop_stime_ns_ = ru.ru_stime.tv_sec * 1000000000LL + ru.ru_stime.tv_usec * 1000LL;
  if (WIFEXITED(status) || WIFSIGNALED(status)) handle_exit(pid, status);
  else if (WIFSTOPPED(status)) handle_stop(pid, status);
  return true;
}

void PtraceTracer::serve_filtered() {
  // --kill-on-exit after an interrupt: the tracees were killed, not kept.
  if (opts_.kill_on_exit && released_) return;
  while (!tracees_.empty() && wait_and_handle()) {}
}

}  // namespace sct
