/* A tracee for tests/cli/inject_test.py: makes known calls and prints what
 * they returned, so that a tampered call shows in the program's behaviour.
 *   calls N         N x getuid
 *   handler N       as calls, with a SIGUSR1 handler that says so
 *   threads         3 x getuid in main, then in two threads one after the other
 *   write           write(1, "hello\n", 6) from read-only memory
 *   read FILE       read(2) FILE into a buffer and print it
 *   hold            thread A: one getuid; thread B: 5 x getgid 20 ms apart;
 *                   says whether B finished while A's call was held
 *   returns         calls whose results strace prints in different ways
 *                   (decimal, unsigned, a descriptor, a time, a CPU mask,
 *                   events, a signal), for retval= of every kind */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static void calls(const char *who, int n) {
  for (int i = 0; i < n; i++) {
    errno = 0;
    long r = syscall(SYS_getuid);
    printf("%s getuid=%ld errno=%d\n", who, r, r < 0 ? errno : 0);
    fflush(stdout);
  }
}

static void on_usr1(int sig) {
  static const char msg[] = "handler: SIGUSR1\n";
  (void)sig;
  write(1, msg, sizeof msg - 1);
}

static void *thread_calls(void *name) {
  calls(name, 3);
  return NULL;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double a_done, b_done;

static void *thread_a(void *unused) {
  (void)unused;
  syscall(SYS_getuid);
  a_done = now();
  return NULL;
}

static void *thread_b(void *unused) {
  (void)unused;
  struct timespec pause = {0, 20 * 1000 * 1000};
  for (int i = 0; i < 5; i++) {
    syscall(SYS_getgid);
    nanosleep(&pause, NULL);
  }
  b_done = now();
  return NULL;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "calls";
  if (!strcmp(mode, "calls") || !strcmp(mode, "handler")) {
    if (!strcmp(mode, "handler")) signal(SIGUSR1, on_usr1);
    calls("main", argc > 2 ? atoi(argv[2]) : 5);
  } else if (!strcmp(mode, "threads")) {
    calls("main", 3);
    for (int i = 0; i < 2; i++) {
      pthread_t t;
      pthread_create(&t, NULL, thread_calls, i ? "second" : "first");
      pthread_join(t, NULL);
    }
  } else if (!strcmp(mode, "write")) {
    write(1, "hello\n", 6);
  } else if (!strcmp(mode, "read") && argc > 2) {
    char buf[64] = {0};
    int fd = open(argv[2], O_RDONLY);
    long n = read(fd, buf, sizeof buf - 1);
    printf("read=%ld data=%s\n", n, n > 0 ? buf : "");
  } else if (!strcmp(mode, "returns")) {
    unsigned char mask[128] = {0x0a};  /* CPUs 1 and 3 */
    struct epoll_event ev[4] = {{.events = EPOLLIN, .data.fd = 7}};
    syscall(SYS_time, NULL);
    syscall(SYS_lseek, 0, 0L, SEEK_CUR);
    syscall(SYS_alarm, 0);
    syscall(SYS_getpriority, 0, 0);
    syscall(SYS_sched_getaffinity, 0, sizeof mask, mask);
    syscall(SYS_epoll_wait, -1, ev, 4, 0);
    syscall(SYS_poll, NULL, 0, 0);
    syscall(SYS_rt_sigtimedwait, NULL, NULL, NULL, 8);
    syscall(SYS_fcntl, 0, F_DUPFD, 10);
    syscall(SYS_getsid, 0);
    syscall(SYS_setsid);
    syscall(SYS_close, -1);
  } else if (!strcmp(mode, "hold")) {
    pthread_t a, b;
    pthread_create(&a, NULL, thread_a, NULL);
    pthread_create(&b, NULL, thread_b, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%s\n", b_done < a_done ? "B finished while A was held" : "B waited for A");
  } else {
    fprintf(stderr, "inject_probe: unknown mode %s\n", mode);
    return 2;
  }
  return 0;
}
