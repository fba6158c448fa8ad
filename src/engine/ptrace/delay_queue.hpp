// delay_enter= / delay_exit= (-e inject=): tracees held in their stop until
// a time, while the tracer goes on serving the others. The tracer is event
// driven: it never sleeps in a delay, it waits for the next tracee event or
// the next deadline, whichever comes first.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <vector>

namespace sct {

class DelayQueue {
 public:
  struct Held {
    pid_t pid = 0;
    uint64_t token = 0;  // tells this hold from a later one of the same pid
    int sig = 0;         // to deliver when it is resumed
  };

  ~DelayQueue();
  // Holds `pid` for `ns` nanoseconds from now; its token.
  uint64_t hold(pid_t pid, int64_t ns, int sig);
  bool empty() const { return queue_.empty(); }
  // The holds whose time has come (or every hold), removed from the queue.
  std::vector<Held> take_due();
  std::vector<Held> take_all();
  // Waits until the earliest deadline, a tracee's change of state (SIGCHLD)
  // or a signal; returns at once when a deadline has passed. The first hold
  // blocks SIGCHLD in the tracer and reads it from a signalfd, so that no
  // change of state slips between the caller's last wait4 and this sleep
  // (a SIGCHLD before the block, with the default action, is lost).
  void sleep();

 private:
  void watch_sigchld();
  std::multimap<int64_t, Held> queue_;  // by CLOCK_MONOTONIC deadline, ns
  uint64_t next_token_ = 0;
  int sigchld_fd_ = -1;
};

}  // namespace sct
