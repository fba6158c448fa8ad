/* timer_create's struct sigevent, as coreutils' timeout and tail -f make
 * it (the C library's default SIGALRM), with a value, every notification,
 * an unknown one, and bad pointers on both sides; then a timer fires, and
 * its signal shows the timer's id and value. */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "marker.h"

#define BAD ((void *)1)

static void on_signal(int sig) { (void)sig; }

int main(void) {
  BEGIN();
  struct sigevent e;
  int id;
  syscall(SYS_timer_create, CLOCK_REALTIME, NULL, &id);
  memset(&e, 0, sizeof e);
  e.sigev_notify = SIGEV_SIGNAL;
  e.sigev_signo = SIGALRM;
  syscall(SYS_timer_create, CLOCK_REALTIME, &e, &id);
  e.sigev_signo = SIGUSR1;
  e.sigev_value.sival_int = 5;
  syscall(SYS_timer_create, CLOCK_MONOTONIC, &e, &id);
  e.sigev_value.sival_int = -1;
  syscall(SYS_timer_create, CLOCK_BOOTTIME, &e, &id);
  memset(&e, 0, sizeof e);
  e.sigev_notify = SIGEV_NONE;
  syscall(SYS_timer_create, CLOCK_MONOTONIC, &e, &id);
  memset(&e, 0, sizeof e);
  e.sigev_notify = SIGEV_THREAD;
  e.sigev_signo = SIGUSR2;
  e._sigev_un._sigev_thread._function = (void *)0x1234;
  e._sigev_un._sigev_thread._attribute = (void *)0x5678;
  syscall(SYS_timer_create, CLOCK_MONOTONIC, &e, &id);
  memset(&e, 0, sizeof e);
  e.sigev_notify = SIGEV_THREAD_ID;
  e.sigev_signo = SIGRTMIN;
  e._sigev_un._tid = 1;
  syscall(SYS_timer_create, CLOCK_MONOTONIC, &e, &id);
  memset(&e, 0, sizeof e);
  e.sigev_notify = 77;
  e.sigev_signo = 99;
  syscall(SYS_timer_create, CLOCK_MONOTONIC, &e, &id);
  syscall(SYS_timer_create, CLOCK_MONOTONIC, BAD, &id);
  syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, BAD);

  signal(SIGUSR1, on_signal);
  memset(&e, 0, sizeof e);
  e.sigev_notify = SIGEV_SIGNAL;
  e.sigev_signo = SIGUSR1;
  e.sigev_value.sival_int = 5;
  struct itimerspec soon = {{0, 0}, {0, 1000000}};
  syscall(SYS_timer_create, CLOCK_MONOTONIC, &e, &id);
  syscall(SYS_timer_settime, id, 0, &soon, NULL);
  pause();
  return 0;
}
