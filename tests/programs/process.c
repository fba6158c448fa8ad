/* Process and signal calls: fork and wait, a child killed by a signal, a
 * handler that runs, masks, sleeps, limits. */
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "marker.h"

static void on_usr1(int sig) { (void)sig; }

int main(void) {
  BEGIN();
  struct sigaction sa = {0};
  sa.sa_handler = on_usr1;
  sigemptyset(&sa.sa_mask);
  sigaddset(&sa.sa_mask, SIGTERM);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGUSR1, &sa, NULL);
  sigset_t set;
  sigemptyset(&set);
  /* SIGCHLD would race with wait4: keep it pending. */
  sigaddset(&set, SIGCHLD);
  sigprocmask(SIG_BLOCK, &set, NULL);
  sigemptyset(&set);
  sigaddset(&set, SIGUSR2);
  sigprocmask(SIG_BLOCK, &set, NULL);
  sigaddset(&set, SIGCHLD);
  sigprocmask(SIG_SETMASK, &set, NULL);
  raise(SIGUSR1);
  struct timespec ts = {0, 1000000};
  syscall(SYS_nanosleep, &ts, NULL);
  struct rlimit rl = {0, 0};
  syscall(SYS_prlimit64, 0, RLIMIT_CORE, &rl, NULL);
  syscall(SYS_prlimit64, 0, RLIMIT_CORE, NULL, &rl);
  int st;
  pid_t c = fork();
  if (c == 0) _exit(7);
  waitpid(c, &st, 0);
  c = fork();
  if (c == 0) {
    /* Killed in its own call: nothing races with the tracer here. */
    kill(getpid(), SIGKILL);
    _exit(0);
  }
  waitpid(c, &st, 0);
  syscall(SYS_wait4, -1, &st, WNOHANG, NULL);
  syscall(SYS_kill, 999999, 0);
  return 3;
}
