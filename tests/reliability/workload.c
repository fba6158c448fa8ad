// A workload for the reliability suite: for DURATION_MS it makes calls every
// filter may mark (open, read, close, stat, getpid, nanosleep, and in "fork"
// mode fork+exec+wait; in "threads" mode from 4 threads at once), checks
// every result, and at the end writes "ok CALLS" (or "FAIL what") to
// RESULT. It writes its pid to RESULT.pid first, so that a test can find it.
//
// Usage: workload fork|threads DURATION_MS RESULT
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long duration_ms;
static int use_fork;
static char failure[256];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void fail(const char* what, int err) {
  pthread_mutex_lock(&lock);
  if (!failure[0]) snprintf(failure, sizeof failure, "%s: %s", what, strerror(err));
  pthread_mutex_unlock(&lock);
}

static long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static long one_round(void) {
  char buf[256];
  int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail("open", errno), 0;
  if (read(fd, buf, sizeof buf) <= 0) fail("read", errno);
  if (close(fd) != 0) fail("close", errno);
  struct stat st;
  if (stat("/", &st) != 0) fail("stat", errno);
  if (getpid() <= 0) fail("getpid", errno);
  struct timespec pause = {0, 2000000};
  if (nanosleep(&pause, NULL) != 0 && errno != EINTR) fail("nanosleep", errno);
  if (use_fork) {
    pid_t pid = fork();
    if (pid < 0) return fail("fork", errno), 0;
    if (pid == 0) {
      execl("/bin/true", "true", (char*)NULL);
      _exit(127);
    }
    int status;
    if (waitpid(pid, &status, 0) != pid) fail("waitpid", errno);
    else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) fail("child /bin/true", EIO);
  }
  return 1;
}

static void* loop(void* arg) {
  long start = now_ms(), n = 0;
  while (now_ms() - start < duration_ms) n += one_round();
  *(long*)arg = n;
  return NULL;
}

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: workload fork|threads DURATION_MS RESULT\n");
    return 2;
  }
  use_fork = strcmp(argv[1], "fork") == 0;
  duration_ms = atol(argv[2]);
  char pidfile[4096];
  snprintf(pidfile, sizeof pidfile, "%s.pid", argv[3]);
  FILE* p = fopen(pidfile, "w");
  if (!p) return 2;
  fprintf(p, "%d\n", getpid());
  fclose(p);
  long total = 0;
  if (use_fork) {
    loop(&total);
  } else {
    pthread_t t[4];
    long n[4] = {0};
    for (int i = 0; i < 4; ++i)
      if (pthread_create(&t[i], NULL, loop, &n[i]) != 0) fail("pthread_create", EAGAIN);
    for (int i = 0; i < 4; ++i) {
      pthread_join(t[i], NULL);
      total += n[i];
    }
  }
  char tmp[4200];
  snprintf(tmp, sizeof tmp, "%s.tmp", argv[3]);
  FILE* r = fopen(tmp, "w");
  if (!r) return 2;
  if (failure[0]) fprintf(r, "FAIL %s\n", failure);
  else fprintf(r, "ok %ld\n", total);
  fclose(r);
  rename(tmp, argv[3]);
  return failure[0] ? 1 : 0;
}
