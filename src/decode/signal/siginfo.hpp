#pragma once

#include <signal.h>

#include "core/value.hpp"

namespace sct {

// {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=..., ...} as strace prints it.
Value decode_siginfo(const siginfo_t& si);

}  // namespace sct
