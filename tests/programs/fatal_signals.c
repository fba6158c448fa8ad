/* Signals that kill without a core dump, which the kernel turns into the
 * group's exit as they are sent: a process that kills itself, one that
 * writes to a pipe nobody reads (SIGPIPE, as `yes | head` ends), one that
 * raises SIGUSR1. strace shows each call return, then the signal, then the
 * death. The parent blocks SIGCHLD, whose arrival would race its calls. */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "marker.h"

static void reap(pid_t pid) {
  int status;
  waitpid(pid, &status, 0);
}

int main(void) {
  BEGIN();
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, NULL);
  pid_t pid = fork();
  if (pid == 0) {
    syscall(SYS_kill, syscall(SYS_getpid), SIGTERM);
    _exit(1);
  }
  reap(pid);
  int p[2];
  char byte = 'x';
  pipe(p);
  close(p[0]);  /* before the fork: nobody can read, whoever runs first */
  pid = fork();
  if (pid == 0) {
    write(p[1], &byte, 1);
    _exit(1);
  }
  close(p[1]);
  reap(pid);
  pid = fork();
  if (pid == 0) {
    syscall(SYS_tgkill, syscall(SYS_getpid), syscall(SYS_gettid), SIGUSR1);
    _exit(1);
  }
  reap(pid);
  return 0;
}
