// What the engines read from /proc about a tracee.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace sct {

// The numeric entries of a /proc directory (threads, descriptors); empty
// when it cannot be read.
std::vector<int> proc_numbers(const std::string& dir);
// Every thread of process `pid` now.
inline std::vector<int> threads_of(pid_t pid) { return proc_numbers("/proc/" + std::to_string(pid) + "/task"); }
// The process of thread `tid` (its Tgid in /proc); `tid` when unknown.
pid_t tgid_of(pid_t tid);

}  // namespace sct
