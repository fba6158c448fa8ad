#include "engine/supervisor.hpp"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>

namespace sct {

namespace {

pid_t g_tracer = 0;
int g_report_fd = -1;

// The signals that stop a trace, which the supervisor forwards.
constexpr int kTermination[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

sigset_t termination_set() {
  sigset_t set;
  sigemptyset(&set);
  for (int sig : kTermination) sigaddset(&set, sig);
  return set;
}

void forward(int sig) {
  if (g_tracer > 0) kill(g_tracer, sig);
}

}  // namespace

void die_of_signal(int sig) {
  rlimit none{0, 0};
  setrlimit(RLIMIT_CORE, &none);
  signal(sig, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  sigprocmask(SIG_UNBLOCK, &set, nullptr);
  raise(sig);
  _exit(128 + sig);
}

namespace {

// The report: two ints, the status and the fatal signal.
struct Report {
  int status;
  int fatal;
};

}  // namespace

bool supervised() { return g_report_fd >= 0; }

void unblock_termination_signals() {
  sigset_t set = termination_set();
  sigprocmask(SIG_UNBLOCK, &set, nullptr);
}

void run_supervised() {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return;  // trace in this process, as before
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return;
  }
  if (pid == 0) {
    close(fds[0]);
    g_report_fd = fds[1];
    // A signal forwarded before the tracer's handlers are in place must not
    // kill it: held until unblock_termination_signals().
    sigset_t set = termination_set();
    sigprocmask(SIG_BLOCK, &set, nullptr);
    // If the supervisor is killed outright, tracing ends as after Ctrl-C.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) raise(SIGTERM);
    return;
  }
  close(fds[1]);
  g_tracer = pid;
  struct sigaction sa {};
  sa.sa_handler = forward;
  sigemptyset(&sa.sa_mask);
  for (int sig : kTermination) sigaction(sig, &sa, nullptr);
  // The supervisor writes nothing; a closed pipe is the tracer's to report.
  signal(SIGPIPE, SIG_IGN);
  Report r{};
  size_t got = 0;
  while (got < sizeof r) {
    ssize_t n = read(fds[0], reinterpret_cast<char*>(&r) + got, sizeof r - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  if (got == sizeof r) {
    if (r.fatal) die_of_signal(r.fatal);
    _exit(r.status);
  }
  // The tracer ended without a report (it crashed, or was killed): mirror it.
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  if (WIFSIGNALED(status)) die_of_signal(WTERMSIG(status));
  _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 1);
}

void report_end(int status, int fatal_signal) {
  if (g_report_fd < 0) return;
  Report r{status, fatal_signal};
  ssize_t n;
  do n = write(g_report_fd, &r, sizeof r);
  while (n < 0 && errno == EINTR);
  close(g_report_fd);
  g_report_fd = -1;
  int null = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null >= 0) {
    for (int fd = 0; fd <= 2; ++fd) dup2(null, fd);
    if (null > 2) close(null);
  }
}

}  // namespace sct
