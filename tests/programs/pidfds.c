/* Signals and pidfds: signalfd, signalfd4 (a sigset, sizes the kernel
 * refuses), rt_tgsigqueueinfo and pidfd_send_signal (a siginfo on the heap),
 * pidfd_getfd, process_mrelease. The signals sent are blocked first. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "marker.h"

#define HI 0xffffffff00000000UL
#define BAD ((void *)1)

int main(void) {
  sigset_t m;
  sigemptyset(&m);
  sigaddset(&m, SIGUSR1);
  sigaddset(&m, SIGRTMIN + 2);
  sigprocmask(SIG_BLOCK, &m, NULL);
  pid_t pid = getpid();
  BEGIN();
  sigset_t *h = malloc(sizeof *h);
  memcpy(h, &m, sizeof m);
  int sfd = syscall(SYS_signalfd, -1, h, 8);
  syscall(SYS_signalfd, sfd, &m, 8);
  syscall(SYS_signalfd, -1, h, 4);
  syscall(SYS_signalfd, -1, BAD, 8);
  syscall(SYS_signalfd, -1, NULL, 8);
  close(sfd);
  sfd = syscall(SYS_signalfd4, -1, h, 8, O_CLOEXEC | O_NONBLOCK);
  close(sfd);
  syscall(SYS_signalfd4, HI | 0xffffffff, h, 16, O_CLOEXEC);
  syscall(SYS_signalfd4, -1, h, HI | 8, 0);
  syscall(SYS_signalfd4, -1, BAD, 8, 1);

  siginfo_t *si = calloc(1, sizeof *si);
  si->si_signo = SIGUSR1;
  si->si_code = SI_QUEUE;
  si->si_pid = pid;
  si->si_uid = getuid();
  si->si_value.sival_int = 42;
  syscall(SYS_rt_tgsigqueueinfo, pid, pid, SIGUSR1, si);
  syscall(SYS_rt_tgsigqueueinfo, pid, pid, SIGUSR1, BAD);
  syscall(SYS_rt_tgsigqueueinfo, -1, -1, 0xffff, si);
  syscall(SYS_rt_tgsigqueueinfo, pid, pid, SIGUSR1, NULL);

  int pfd = syscall(SYS_pidfd_open, pid, 0);
  syscall(SYS_pidfd_send_signal, pfd, SIGUSR1, NULL, 0);
  syscall(SYS_pidfd_send_signal, pfd, SIGUSR1, si, 0);
  syscall(SYS_pidfd_send_signal, pfd, 0, BAD, 0);
  syscall(SYS_pidfd_send_signal, pfd, SIGUSR1, si, 0xffffffffUL);
  syscall(SYS_pidfd_send_signal, -1, HI | SIGUSR2, NULL, HI);

  int fd = open("/dev/null", O_RDONLY);
  int copy = syscall(SYS_pidfd_getfd, pfd, fd, 0);
  close(copy);
  syscall(SYS_pidfd_getfd, pfd, 1000, 0);
  syscall(SYS_pidfd_getfd, pfd, fd, 0xffffffffUL);
  syscall(SYS_pidfd_getfd, -1, HI | fd, HI | 1);

  syscall(SYS_process_mrelease, pfd, 0);
  syscall(SYS_process_mrelease, -1, 0);
  syscall(SYS_process_mrelease, pfd, 0xffffffffUL);
  syscall(SYS_process_mrelease, pfd, HI | 1);
  close(fd);
  close(pfd);
  free(h);
  free(si);
  return 0;
}
