#include "cli/usage.hpp"

#include <cstdarg>
#include <cstdio>

namespace sct {

namespace {
void vmsg(const char* fmt, va_list ap) {
  fputs("sctrace: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
}
}  // namespace

ParseResult usage_error(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vmsg(fmt, ap);
  va_end(ap);
  fputs("Try 'sctrace -h' for more information.\n", stderr);
  return {false, 1};
}

void usage_error_noexit(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vmsg(fmt, ap);
  va_end(ap);
}

void error_msg(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vmsg(fmt, ap);
  va_end(ap);
}

ParseResult not_supported(const std::string& opt) {
  error_msg("option %s is not supported yet", opt.c_str());
  return {false, 1};
}

void print_help() {
  fputs(
      "Usage: sctrace [-ACffhiknNqqrtttTvVwxxyyYzZ] [-I N] [-b execve] [-e EXPR]...\n"
      "               [-a COLUMN] [-o FILE] [-s STRSIZE] [-S SORTBY] [-P PATH]... [-X FORMAT]\n"
      "               [-p PID]... [-U COLUMNS] [--seccomp-bpf]\n"
      "               { -p PID | [-DDD] [-E VAR=VAL]... [-u USERNAME] PROG [ARGS] }\n"
      "   or: sctrace -c[fwzZ] [-e EXPR]... [-O OVERHEAD] [-S SORTBY] [-P PATH]... [-p PID]...\n"
      "               [-U COLUMNS] [--seccomp-bpf] { -p PID | [-E VAR=VAL]... PROG [ARGS] }\n"
      "\n"
      "A system-call tracer with strace's options and output.\n"
      "\n"
      "Tracing:\n"
      "  -f, --follow-forks     follow forks, vforks, clones and threads\n"
      "  -ff, --output-separately\n"
      "                         with -o FILE, write each process to FILE.PID\n"
      "  -p PID, --attach=PID   trace process PID (repeatable; lists with ',' or ' ')\n"
      "  -E VAR=VAL, --env=VAR=VAL\n"
      "                         put VAR=VAL in the command's environment (-E VAR removes it)\n"
      "\n"
      "Startup and process control:\n"
      "  -u USERNAME, --user=USERNAME\n"
      "                         run the command as USERNAME (or UID:GID), honouring\n"
      "                         its set-user-ID and set-group-ID bits\n"
      "  --argv0=NAME           the command's argv[0]\n"
      "  -D, --daemonize[=grandchild]\n"
      "                         trace from a detached grandchild: the command keeps\n"
      "                         sctrace's pid; -DD (=pgroup): the tracer in a process\n"
      "                         group of its own; -DDD (=session): in a session of its own\n"
      "  -b execve, --detach-on=execve\n"
      "                         stop tracing a process when it execs (not the command's\n"
      "                         first exec)\n"
      "  --kill-on-exit         kill the tracees when sctrace exits, even by SIGKILL\n"
      "  --syscall-limit=N      stop tracing after N traced calls; the command runs on\n"
      "  -I 1..4, --interruptible=anywhere|waiting|never|never_tstp\n"
      "                         accepted; Ctrl-C always ends the trace; 4 also keeps\n"
      "                         Ctrl-Z from stopping sctrace\n"
      "\n"
      "Output:\n"
      "  -o FILE, --output=FILE write the trace to FILE; '|cmd' or '!cmd' pipes it to cmd\n"
      "  -A, --output-append-mode\n"
      "                         append to FILE instead of truncating it\n"
      "  -a COLUMN, --columns=COLUMN\n"
      "                         align return values at COLUMN (default 40)\n"
      "  -q, --quiet            suppress attach/detach messages; -qq also exit messages\n"
      "  -r, --relative-timestamps[=PRECISION]\n"
      "                         print the time since the previous line\n"
      "  -s STRSIZE, --string-limit=STRSIZE\n"
      "                         print at most STRSIZE bytes of strings (default 32)\n"
      "  -t, -tt, -ttt          time of day; with microseconds; as seconds since the epoch\n"
      "  -T, --syscall-times[=PRECISION]\n"
      "                         print the time spent in each syscall\n"
      // Pid, time and summary output controls.
      "  --absolute-timestamps=[[format:]none|time|unix][,[precision:]s|ms|us|ns]\n"
      "  --timestamps=...       the time of each line (-t: time; -tt: time,us;\n"
      "                         -ttt: unix,us); PRECISION: s, ms, us or ns\n"
      "  -Y, --decode-pids=comm, -e decode-pids=comm\n"
      "                         print command names after pids: 1234<sleep>\n"
      "  --decode-pids=pidns    a tracee's pids in sctrace's pid namespace too\n"
      "  --always-show-pid      the [pid N] prefix even with one process\n"
      "  --strings-in-hex[=all|non-ascii|non-ascii-chars|none]\n"
      "                         -xx, -x, hex instead of octal escapes, none\n"
      "  -v, --no-abbrev        print structures and arrays in full\n"
      "  -x, -xx                print non-ASCII strings in hex; all strings in hex\n"
      // Descriptor details and data dumps (-yy, --decode-fds=, -e read=/write=).
      "  -y, --decode-fds[=path]\n"
      "                         print the paths of file descriptors\n"
      "  -yy, --decode-fds=all  also sockets' endpoints, devices' numbers, pidfds' pids\n"
      "  -e decode-fds=SET, --decode-fds=SET\n"
      "                         details to print: path, socket, dev, pidfd (all, none, !)\n"
      "  -e read=SET, --read=SET\n"
      "                         dump the data read from the descriptors in SET\n"
      "  -e write=SET, --write=SET\n"
      "                         dump the data written to the descriptors in SET\n"
      // -k stack traces
      "  -k, --stack-trace[=symbol|source], --stack-traces\n"
      "                         print each call's user stack after it; -kk (=source)\n"
      "                         with source lines (both engines; docs/stack_traces.md)\n"
      "  --stack-trace-frame-limit=N\n"
      "                         at most N frames per stack (default 256)\n"
      "  --stack-capture-size=BYTES\n"
      "                         eBPF: user stack bytes copied per call (default 32760)\n"
      // Output controls of the value renderer.
      "  -X raw|abbrev|verbose, --const-print-style=raw|abbrev|verbose\n"
      "                         constants as numbers, as names (default), or both\n"
      "  -e abbrev=SET, --abbrev=SET\n"
      "                         abbreviate structures and arrays of these syscalls (default all)\n"
      "  -e verbose=SET, --verbose=SET\n"
      "                         decode what these syscalls point to (default all)\n"
      "  -e raw=SET, --raw=SET  print these syscalls' arguments undecoded, in hex\n"
      "  -n, --syscall-number   print the syscall number before each line\n"
      "  -i, --instruction-pointer\n"
      "                         print the instruction pointer at the time of the syscall\n"
      "  -N, --arg-names        print each argument after its name\n"
      "  --trace-fds=SET, -e trace-fds=SET\n"
      "                         only calls that take one of these descriptors\n"
      "\n"
      "Filtering:\n"
      "  -e trace=SET, --trace=SET\n"
      "                         trace only these syscalls (names, %class, /regex, !, ?)\n"
      "  -e status=SET, --status=SET\n"
      "                         only calls that ended so (successful, failed, ...); -z, -Z\n"
      "  -z, --successful-only, -Z, --failed-only\n"
      "                         only successful calls; only failed ones\n"
      "  -e signal=SET, --signal=SET\n"
      "                         show only these signals\n"
      "  -e quiet=SET, --quiet=SET, --silent=SET, --silence=SET\n"
      "                         silence attach, exit, path-resolution, ... messages\n"
      "  -P PATH, --trace-path=PATH\n"
      "                         only calls that touch PATH\n"
      "  --seccomp-bpf, --no-seccomp-bpf\n"
      "                         untraced syscalls never stop the tracee (default: on)\n"
      "\n"
      "Tampering (ptrace engine):\n"
      "  -e inject=SET[:error=ERRNO|:retval=VALUE][:signal=SIG][:syscall=SYSCALL]\n"
      "            [:delay_enter=DELAY][:delay_exit=DELAY]\n"
      "            [:poke_enter=@argN=HEX,...][:poke_exit=@argN=HEX,...][:when=WHEN]\n"
      "  --inject=...           tamper with the calls in SET: fail them with ERRNO,\n"
      "                         return VALUE (SYSCALL, a %pure call, runs instead),\n"
      "                         send SIG, delay them, write HEX bytes where argN points\n"
      "     delay:              microseconds or NUMBER{s|ms|us|ns}\n"
      "     when:               FIRST[..LAST][+[STEP]], counted per syscall and thread\n"
      "  -e fault=SET[:error=ERRNO][:when=WHEN], --fault=...\n"
      "                         -e inject= with ERRNO ENOSYS unless given\n"
      "\n"
      "Summary:\n"
      "  -c, --summary-only     count time, calls and errors per syscall\n"
      "  -C, --summary          the same, with the trace\n"
      "  -S SORTBY, -U COLUMNS, -w\n"
      "                         sort by, columns of, and wall time in the summary\n"
      "  -O OVERHEAD[s|ms|us|ns], --summary-syscall-overhead=OVERHEAD\n"
      "                         take OVERHEAD (default unit us) off each call's time\n"
      "\n"
      "Engines and structured output:\n"
      "  --backend=ptrace|ebpf|auto\n"
      "                         trace with ptrace (default) or from the kernel with eBPF\n"
      "  --ring-buffer-size=KIB the eBPF engine's buffer (default 8192; 32768 with -k)\n"
      "  --json=FILE            JSON Lines events ('-': standard output)\n"
      "  --perfetto=FILE        a Perfetto / Chrome trace-event timeline\n"
      "  --color=auto|always|never\n"
      "                         colour on a terminal (NO_COLOR is respected)\n"
      "\n"
      // --why-stuck (docs/diagnosis.md)
      "Diagnosis:\n"
      "  --why-stuck -p PID[,PID...] [-f]\n"
      "                         why the processes are stuck: each thread's blocked call, what\n"
      "                         it waits for (lock owners, the other end of pipes and sockets,\n"
      "                         children), deadlocks; from /proc, without stopping anything\n"
      "  --stacks               with --why-stuck: user stacks too, each thread stopped in turn\n"
      "                         only while its registers and stack are copied\n"
      "\n"
      "Miscellaneous:\n"
      "  -h, --help             print this help and exit\n"
      "  -V, --version          print the version and exit\n"
      "  --tips[=[[id:]N|random][,[format:]none|compact|full]]\n"
      "                         a tip about sctrace on stderr when the trace ends\n"
      "  -e kvm=vcpu, --kvm=vcpu, --secontext, -d, --debug\n"
      "                         refused: not supported by sctrace\n",
      stdout);
}

void print_version() { fputs("sctrace -- version 0.1 (strace 6.1 compatible)\n", stdout); }

}  // namespace sct
