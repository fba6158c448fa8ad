// How sctrace is told to stop tracing, whichever engine runs.
#pragma once

#include <csignal>

namespace sct {

// Set from the SIGINT/SIGTERM/SIGHUP/SIGQUIT handler (main.cpp): the
// signal's number. Every engine ends its trace when it is set.
inline volatile sig_atomic_t termination_signal = 0;

}  // namespace sct
