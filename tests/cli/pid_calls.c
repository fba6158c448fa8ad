/* Calls that take and return pids, for -Y and --decode-pids: its own ids,
 * a child's (which exits 3: its SIGCHLD comes while it is a zombie, after
 * waitid(WNOWAIT), before waitpid reaps it), signals of nothing (0) sent to
 * itself and to the reaped child, and its process group and session. */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  pid_t self = getpid();
  getppid();
  pid_t tid = (pid_t)syscall(SYS_gettid);
  pid_t child = fork();
  if (child == 0) _exit(3);
  siginfo_t info;
  waitid(P_PID, (id_t)child, &info, WEXITED | WNOWAIT);
  int status;
  waitpid(child, &status, 0);
  kill(self, 0);
  kill(child, 0);
  syscall(SYS_tgkill, self, tid, 0);
  kill(-getpgid(0), 0);
  getsid(0);
  setpgid(0, 0);
  getpgid(self);
  return 0;
}
