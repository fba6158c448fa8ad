// The process the shell waits for, when the tracer must be able to outlive it.
//
// Under the seccomp filter a tracee may never be left without its tracer
// (its marked calls would fail with ENOSYS). So when the user stops tracing
// (Ctrl-C, SIGTERM, SIGHUP) the tracer cannot simply detach and exit, yet the
// user must get the terminal back at once. sctrace therefore runs as two
// processes: this supervisor, which keeps sctrace's pid, forwards the
// termination signals and exits as soon as the trace is finished; and the
// tracer, its child, which keeps serving filtered tracees silently until the
// last one exits. docs/seccomp.md has the whole design.
#pragma once

namespace sct {

// Forks. Returns in the child, which is to trace; the parent never returns:
// it exits (or dies of a signal) as the child reports with report_end(), or
// as the child itself ended.
void run_supervised();

// In the traced child, once the termination signals have handlers: lets
// through those that came before (they are blocked from the fork on).
void unblock_termination_signals();

// In the traced child: whether run_supervised() made this process.
bool supervised();

// In the traced child: the trace is complete; the supervisor exits with
// `status`, or dies of `fatal_signal` when it is not 0. Standard input,
// output and error are then let go (pointed at /dev/null), so that a pipe
// reading sctrace's output sees its end.
void report_end(int status, int fatal_signal);

// Dies of `sig` without a core of its own, so that the shell sees the same
// status as the command's (strace's rule); exits 128+sig if it survives.
[[noreturn]] void die_of_signal(int sig);

}  // namespace sct
