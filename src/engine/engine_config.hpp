// What an engine needs to know of the command line, filled by the cli
// (cli/configs.hpp). Engines never see the options themselves.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <string>
#include <vector>

#include "core/decode_options.hpp"
#include "engine/command.hpp"
#include "filter/filter_options.hpp"

namespace sct {

struct EngineConfig {
  std::vector<std::string> command;  // PROG [ARGS]; empty with -p
  std::vector<std::string> env;      // -E VAR=VAL / -E VAR, for the command
  CommandSetup setup;                // -u, --argv0
  // -D: 1 the tracer is a detached grandchild, 2 also in its own process
  // group, 3 in its own session; the command keeps sctrace's pid (ptrace).
  int daemonize = 0;
  bool detach_on_execve = false;     // -b execve (ptrace)
  bool kill_on_exit = false;         // --kill-on-exit: PTRACE_O_EXITKILL for all (ptrace)
  std::vector<pid_t> attach;         // -p
  int follow_forks = 0;              // -f: 1; -ff: 2
  unsigned quiet_mask = 0;           // kQuiet* bits: what the engine does not say
  // strace says "Process N attached" of each task -f follows only when the
  // trace itself goes to stderr (no -o), where the two interleave.
  bool announce_new_tasks = false;
  // ... and, by the same rule with or without -f, "Process N attached" of
  // the command -D seizes and "Process N detached" of a task -b execve
  // lets go.
  bool announce_task_changes = false;
  DecodeOptions decode;              // -s -x -v -y
  FilterOptions filter;              // which calls, paths and signals are traced
  bool seccomp = true;               // --seccomp-bpf (ptrace)
  size_t ring_buffer_kib = 0;        // --ring-buffer-size (eBPF; 0: its default)
  bool need_time = false;            // an output shows or counts call times (eBPF)
  // -k: each shown call's and signal's user stack (src/stack/).
  bool stack_trace = false;          // -k
  bool stack_source_lines = false;   // -kk
  int stack_frame_limit = 256;       // --stack-trace-frame-limit
  size_t stack_capture_bytes = 0;    // --stack-capture-size (eBPF; 0: its default)
};

}  // namespace sct
