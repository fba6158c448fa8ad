// The verdict of --why-stuck: one finding per cause, deadlocks first
// (docs/diagnosis.md lists each kind with an example).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "diagnose/wait_graph.hpp"

namespace sct {

struct Finding {
  // "deadlock", "blocked", "D state", "stopped", "zombie", "waiting",
  // "sleeping", "running"
  std::string kind;
  std::string text;            // the line after "kind: "
  std::vector<pid_t> threads;  // the chain or the cycle, in order
};

// A finding for every thread of `subjects` (one for all the threads of a
// cycle), in the order of the kinds above.
std::vector<Finding> find_causes(const WaitGraph& g, const std::vector<pid_t>& subjects);
// "12.3 s", "850 ms", "41 us".
std::string duration_text(int64_t ns);
// What a thread is doing, as the end of a chain says it: "is stopped
// (SIGSTOP)", "sleeps in nanosleep for 1.2 s of 300 s", "is running".
std::string state_text(const ThreadInfo& t);
// "stopped (SIGSTOP)" for a thread in state T.
std::string stop_text(const ThreadSnapshot& t);

}  // namespace sct
