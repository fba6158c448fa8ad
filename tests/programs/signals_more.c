/* Signal sets and siginfo in and out: pending signals, waiting for one,
 * queueing one with a value; bad pointers, bad sizes, heap-allocated sets. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "marker.h"

#define BAD ((void *)1)

int main(void) {
  BEGIN();
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, SIGUSR1);
  sigaddset(&s, SIGRTMIN + 2);
  sigprocmask(SIG_BLOCK, &s, 0);
  kill(getpid(), SIGUSR1);

  sigset_t *p = malloc(sizeof *p);
  syscall(SYS_rt_sigpending, p, 8);
  syscall(SYS_rt_sigpending, BAD, 8);
  syscall(SYS_rt_sigpending, p, 4);
  syscall(SYS_rt_sigpending, p, 16);
  syscall(SYS_rt_sigpending, NULL, 8);

  siginfo_t *si = malloc(sizeof *si);
  memset(si, 0, sizeof *si);
  struct timespec ts = {0, 1000};
  syscall(SYS_rt_sigtimedwait, &s, si, &ts, 8);  /* takes SIGUSR1 */
  syscall(SYS_rt_sigtimedwait, &s, si, &ts, 8);  /* none left: EAGAIN */
  syscall(SYS_rt_sigtimedwait, &s, NULL, NULL, 9);
  syscall(SYS_rt_sigtimedwait, BAD, BAD, BAD, 8);
  kill(getpid(), SIGUSR1);
  syscall(SYS_rt_sigtimedwait, &s, NULL, &ts, 8);

  memset(si, 0, sizeof *si);
  si->si_signo = SIGUSR1;
  si->si_code = SI_QUEUE;
  si->si_pid = getpid();
  si->si_uid = getuid();
  si->si_value.sival_int = 42;
  syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, si);
  syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, BAD);
  memset(si, 0, sizeof *si);
  si->si_code = SI_QUEUE;
  syscall(SYS_rt_sigqueueinfo, getpid(), SIGRTMIN + 2, si);
  syscall(SYS_rt_sigqueueinfo, getpid(), 0, NULL);
  syscall(SYS_rt_sigtimedwait, &s, si, NULL, 8);
  syscall(SYS_rt_sigtimedwait, &s, si, NULL, 8);

  syscall(SYS_rt_sigsuspend, BAD, 8);
  syscall(SYS_rt_sigsuspend, &s, 7);
  syscall(SYS_rt_sigsuspend, NULL, 8);

  /* waitid fills a siginfo (zeroed first: the kernel leaves si_utime alone).
   * SIGCHLD stays blocked: its delivery would race with waitid's return. */
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, 0);
  siginfo_t *wi = calloc(1, sizeof *wi);
  pid_t child = fork();
  if (child == 0) _exit(3);
  syscall(SYS_waitid, P_PID, child, wi, WEXITED, NULL);
  memset(wi, 0, sizeof *wi);
  syscall(SYS_waitid, P_ALL, 0, wi, WEXITED | WNOHANG, NULL);
  syscall(SYS_waitid, P_PID, -1, BAD, WEXITED | WSTOPPED | WCONTINUED | WNOWAIT | 0x100, BAD);
  syscall(SYS_waitid, 9, 0, NULL, 0, NULL);
  syscall(SYS_waitid, P_PIDFD, 3, NULL, __WALL | __WNOTHREAD | __WCLONE, NULL);
  syscall(SYS_waitid, P_PGID, 0, wi, 0x100, NULL);
  syscall(SYS_waitid, 0xffffffff00000000UL | P_PID, 0xffffffff00000000UL | 1, wi, WEXITED | WNOHANG, NULL);
  return 0;
}
