#include "engine/ptrace/delay_queue.hpp"

#include <poll.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <csignal>
#include <ctime>

namespace sct {

namespace {

int64_t now_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

}  // namespace

DelayQueue::~DelayQueue() {
  if (sigchld_fd_ >= 0) close(sigchld_fd_);
}

uint64_t DelayQueue::hold(pid_t pid, int64_t ns, int sig) {
  // Before the caller's next wait4: a change of state after it must wake
  // sleep(), and one before it is found by that wait4.
  watch_sigchld();
  int64_t now = now_ns();
  int64_t at = ns > INT64_MAX - now ? INT64_MAX : now + ns;
  queue_.emplace(at, Held{pid, ++next_token_, sig});
  return next_token_;
}

std::vector<DelayQueue::Held> DelayQueue::take_due() {
  std::vector<Held> due;
  int64_t now = now_ns();
  while (!queue_.empty() && queue_.begin()->first <= now) {
    due.push_back(queue_.begin()->second);
    queue_.erase(queue_.begin());
  }
  return due;
}

std::vector<DelayQueue::Held> DelayQueue::take_all() {
  std::vector<Held> all;
  for (auto& [at, h] : queue_) all.push_back(h);
  queue_.clear();
  return all;
}

void DelayQueue::watch_sigchld() {
  if (sigchld_fd_ >= 0) return;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGCHLD);
  // Blocked, SIGCHLD stays pending for the signalfd instead of being lost
  // (its default action is to be ignored). The commands were started
  // before: they do not inherit the mask.
  sigprocmask(SIG_BLOCK, &set, nullptr);
  sigchld_fd_ = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
}

void DelayQueue::sleep() {
  if (queue_.empty()) return;
  watch_sigchld();
  if (sigchld_fd_ < 0) return;  // the caller polls: delays only grow late
  int64_t left = queue_.begin()->first - now_ns();
  if (left <= 0) return;
  timespec ts{static_cast<time_t>(left / 1000000000), static_cast<long>(left % 1000000000)};
  pollfd p{sigchld_fd_, POLLIN, 0};
  ppoll(&p, 1, &ts, nullptr);
  signalfd_siginfo si;
  while (read(sigchld_fd_, &si, sizeof si) > 0) {}
}

}  // namespace sct
