// What both eBPF programs need from user space: the traced threads put in
// the kernel's task storage (the -p threads, or the command, before it runs)
// and the count of those still alive.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "engine/engine_config.hpp"
#include "engine/proc.hpp"
#include "syscalls/syscall_table.hpp"

struct bpf_map;

namespace sct {

// libbpf's own messages only with -v.
void quiet_libbpf_unless(bool verbose);
// "--backend=ebpf: <step>: <error>", for a step of loading that failed.
std::string ebpf_failure(const char* step, int err);

// What tasks.bpf.h reads before load, in either program's read-only data:
// exec_nrs holds the table's exec calls (RExec). Returns an error message
// or empty.
template <class Rodata>
std::string set_task_rodata(Rodata* ro, bool follow_forks) {
  ro->follow_forks = follow_forks;
  size_t n = 0;
  for (const SyscallInfo* s = syscalls_begin(); s != syscalls_end(); ++s) {
    if (!has_role(s, RExec)) continue;
    if (n == std::size(ro->exec_nrs)) return "--backend=ebpf: more exec calls than tasks.bpf.h's exec_nrs holds";
    ro->exec_nrs[n++] = s->nr;
  }
  for (; n < std::size(ro->exec_nrs); ++n) ro->exec_nrs[n] = -1;
  return {};
}

struct TaskMaps {
  bpf_map* tasks;
  bpf_map* live;
};

// A -p thread that was inside a call when tracing began.
struct CallInProgress {
  pid_t tid = 0;
  pid_t tgid = 0;
  ProcSyscall call;
};
// Every thread of each -p process. Returns an error message or empty. With
// `in_progress`, a thread blocked in a call is added as inside it, so that
// the kernel sends the call's exit, and is listed there.
std::string add_attached(const TaskMaps& m, const std::vector<pid_t>& pids,
                         std::vector<CallInProgress>* in_progress = nullptr);
// The started command between its fork and its release.
struct PendingCommand {
  pid_t pid = 0;
  int go = -1;  // closing it lets the command run
  bool daemonized = false;  // -D: pid is this process's grandparent, not a child
};
// Forks the command, first of all: loading the programs takes a while, and
// if sctrace is killed meanwhile the command must still run (untraced), as
// under ptrace. It waits until release_command, or until sctrace is gone.
// With -D the fork is turned around: the caller's process becomes the
// command, and returns only in the detached grandchild that will trace it.
std::string fork_command(const EngineConfig& cfg, PendingCommand& cmd);
// Traces it (hidden until its execve) and lets it run; `child` gets its pid.
std::string release_command(const TaskMaps& m, PendingCommand& cmd, pid_t& child);
// sctrace could not start: the command must not run at all.
void abandon_command(PendingCommand& cmd);
// The start of either eBPF engine: forks the command (if there is one),
// loads the programs with `load`, then lets the command go into the task
// maps that `maps` returns once loaded; if loading failed, the command never
// runs. `ready(pid)` runs once they are loaded, while the command still
// waits before its exec: what it inherits can be read then, not after (a
// short command may have run and gone by the time this returns).
template <class Load, class Maps, class Ready>
std::string start_command_around(const EngineConfig& opts, pid_t& child, Load load, Maps maps, Ready ready) {
  PendingCommand cmd;
  if (!opts.command.empty())
    if (std::string e = fork_command(opts, cmd); !e.empty()) return e;
  std::string e = load();
  if (!e.empty() || !cmd.pid) {
    abandon_command(cmd);
    return e;
  }
  ready(cmd.pid);
  return release_command(maps(), cmd, child);
}
template <class Load, class Maps>
std::string start_command_around(const EngineConfig& opts, pid_t& child, Load load, Maps maps) {
  return start_command_around(opts, child, load, maps, [](pid_t) {});
}
// Whether any traced thread is alive.
bool anything_traced(const TaskMaps& m);
// Reaps the started command without blocking (block: waits), filling its
// exit status and fatal signal. False while it runs.
bool reap_command(pid_t child, bool block, int& exit_status, int& fatal_signal);
// Tracing was stopped by `sig` (SIGINT, SIGTERM, SIGHUP): as strace, sctrace
// then dies of that signal (exit status 128+sig), whatever the command does.
inline void interrupted_by(int sig, int& exit_status, int& fatal_signal) {
  fatal_signal = sig;
  exit_status = 128 + sig;
}

}  // namespace sct
