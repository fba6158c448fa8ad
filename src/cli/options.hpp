// The strace-compatible command line.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "cli/tips.hpp"
#include "core/decode_options.hpp"
#include "filter/filter_options.hpp"
#include "filter/inject.hpp"
#include "sink/stamps.hpp"
#include "sink/text_colour.hpp"

namespace sct {

struct Options {
  std::vector<std::string> command;  // PROG [ARGS]
  std::vector<pid_t> attach;         // -p
  std::vector<pid_t> attach_repeated;  // -p given again: its second attach fails, as with strace
  int follow_forks = 0;              // -f: 1; -ff: 2 (a file per process)
  std::string output;                // -o
  bool append = false;               // -A
  int quiet = 0;                     // -q: 1, -qq: 2
  unsigned quiet_mask = 0;           // what -q, -qq and -e quiet= silence
  int align = 40;                    // -a
  std::vector<std::string> env;      // -E VAR=VAL / -E VAR
  bool user_given = false;           // -u (an empty name is looked up too)
  std::string user;                  // -u USERNAME or UID:GID
  uid_t user_uid = 0;                // -u resolved
  gid_t user_gid = 0;
  std::string user_name;             // empty for UID:GID
  std::string argv0;                 // --argv0
  int daemonize = 0;                 // -D: 1, -DD: 2, -DDD: 3
  bool detach_on_execve = false;     // -b execve
  bool kill_on_exit = false;         // --kill-on-exit
  int interruptible = 0;             // -I 1..4; 0: not given
  unsigned long long syscall_limit = 0;  // --syscall-limit
  DecodeOptions decode;              // -s -x -v -y
  FilterOptions filter;              // -e trace/status/signal, -z, -Z, -P
  int summary = 0;                   // -c: 1 (summary only), -C: 2 (and the trace)
  std::string sort_by = "time";      // -S
  std::vector<std::string> columns;  // -U
  bool summary_wall = false;         // -w
  bool seccomp = true;               // --seccomp-bpf / --no-seccomp-bpf
  enum class Backend { Ptrace, Ebpf, Auto };
  Backend backend = Backend::Ptrace; // --backend=
  size_t ring_buffer_kib = 0;        // --ring-buffer-size=KIB (0: the engine's default)
  std::string json;                  // --json=FILE ("-": standard output)
  std::string perfetto;              // --perfetto=FILE
  using Color = ColorMode;
  Color color = Color::Auto;         // --color=
  // --why-stuck (docs/diagnosis.md): a report from /proc, nothing traced.
  bool why_stuck = false;            // --why-stuck
  bool stacks = false;               // --stacks: user stacks, each thread stopped briefly
  // Pid, time and summary output controls: -t/-r/-T and their long forms,
  // -Y/--decode-pids (in `decode`), --always-show-pid, -O, --tips.
  StampOptions stamps;
  bool always_show_pid = false;      // --always-show-pid (strace 7.x)
  int64_t summary_overhead_ns = 0;   // -O
  TipsOptions tips;                  // --tips
  // Tampering: -e inject=, -e fault= (docs/inject.md).
  InjectOptions inject;
  // -k stack traces
  int stack_trace = 0;               // -k: 1; -kk / --stack-trace=source: 2
  int stack_frame_limit = 256;       // --stack-trace-frame-limit=N
  size_t stack_capture_bytes = 0;    // --stack-capture-size=BYTES (eBPF; 0: its default)
  // Output controls of the value renderer (-X, -e abbrev/verbose/raw= in
  // `decode` and `filter`; these are the line's prefixes).
  bool syscall_number = false;       // -n
  bool instruction_pointer = false;  // -i
};

// Outcome of parsing: run, or exit at once with `exit_code` after printing.
struct ParseResult {
  bool run = false;
  int exit_code = 0;
};

// Parses argv; prints usage errors ("sctrace: ...") and -h/-V output itself.
ParseResult parse_options(int argc, char** argv, Options& out);
// After attaching: a -p given again is told as strace tells its failed second
// attach, and tracing goes on.
void report_repeated_attach(const Options& o);

}  // namespace sct
