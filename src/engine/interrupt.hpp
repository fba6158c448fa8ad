// How sctrace is told to stop tracing, whichever engine runs.
#pragma once

#include <csignal>

namespace sct {

// Set from the SIGINT/SIGTERM/SIGHUP/SIGQUIT handler (main.cpp): the
// signal's number. Every engine ends its trace when it is set.
inline volatile sig_atomic_t termination_signal = 0;

// Set when the trace has shown all it was asked to (--syscall-limit): the
// engine ends the trace as after an interrupt, but sctrace then exits 0.
// An engine that cannot end its trace at an exact call says so in its
// Capabilities (syscall_limit) rather than ignore this.
inline bool trace_complete = false;

}  // namespace sct
