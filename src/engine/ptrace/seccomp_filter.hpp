// The seccomp-bpf fast path: a filter that stops the tracee (RET_TRACE) only
// for the traced syscalls and lets every other one run (RET_ALLOW).
#pragma once

#include <linux/filter.h>

#include <string>
#include <vector>

#include "filter/filter_options.hpp"

namespace sct {

// Syscalls of other ABIs (x32, i386) are always traced: the table cannot
// tell what they are, so they are never silently allowed.
std::vector<sock_filter> build_seccomp_filter(const SyscallSet& traced);
// In the child, before execve. Returns an error message or "".
std::string install_seccomp_filter(const std::vector<sock_filter>& prog);

}  // namespace sct
