// What an engine can do, declared by the engine (and probed once from the
// kernel where that decides it), so that one validator in the CLI can refuse
// an option an engine cannot honour, and --backend=auto can choose with the
// same answers.
#pragma once

#include <cstddef>
#include <string>

namespace sct {

struct Capabilities {
  std::string engine;       // its --backend= name
  bool available = false;   // it can run here at all
  std::string why_not;      // when not: the whole "sctrace: ..." message text
  bool attach = false;      // -p
  bool stops_tracee = false;  // it stops tracees (ptrace); eBPF never does
  bool inject = false;      // -e inject= / -e fault=
  bool user_stacks = false;   // -k
  bool kernel_stacks = false;
  // Process control, which needs a tracer that holds its tracees (ptrace):
  bool daemonize = false;       // -D: seize the command from a detached grandchild
  bool detach_on_exec = false;  // -b execve: let a task go at its exec
  bool kill_on_exit = false;    // --kill-on-exit: tracees die with the tracer
  bool syscall_limit = false;   // --syscall-limit: stop tracing after exactly N calls
  // The most bytes of one buffer or string it can show; 0: no limit.
  size_t max_capture = 0;
  // Its calls are decoded after the tracee has moved on (eBPF records), so
  // /proc no longer tells what a descriptor was: the session keeps a table.
  bool decodes_late = false;
};

// The ptrace engine: always there (PTRACE_SEIZE and PTRACE_GET_SYSCALL_INFO
// are the floor this program is built for).
Capabilities ptrace_capabilities();

}  // namespace sct
