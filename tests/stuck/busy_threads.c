// N threads (argv[1], default 50): half wait on a mutex one of them holds,
// the others count in a loop of 1 ms sleeps; for --why-stuck's benchmark and
// its no-stop test. Prints "ready" once they run.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static volatile unsigned long counters[1024];

static void* count(void* arg) {
  long i = (long)arg;
  struct timespec ms = {0, 1000000};
  for (;;) {
    ++counters[i];
    nanosleep(&ms, NULL);
  }
  return NULL;
}

static void* hold(void* unused) {
  (void)unused;
  pthread_mutex_lock(&lock);
  struct timespec ts = {300, 0};
  nanosleep(&ts, NULL);
  return NULL;
}

static void* wait_lock(void* unused) {
  (void)unused;
  pthread_mutex_lock(&lock);
  return NULL;
}

int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 50;
  if (n < 2 || n > 1024) n = 50;
  pthread_t t;
  pthread_create(&t, NULL, hold, NULL);
  struct timespec ms = {0, 20000000};
  nanosleep(&ms, NULL);
  for (long i = 1; i < n; ++i) pthread_create(&t, NULL, i % 2 ? count : wait_lock, (void*)i);
  printf("ready\n");
  fflush(stdout);
  for (;;) {
    struct timespec ts = {300, 0};
    nanosleep(&ts, NULL);
  }
}
