// One thread takes a mutex and sleeps in nanosleep holding it; another
// waits for the mutex. argv[1]: "normal", "recursive", "errorcheck", "pi".
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static pthread_mutex_t lock;
static pthread_barrier_t held;

static void* holder(void* unused) {
  (void)unused;
  pthread_mutex_lock(&lock);
  pthread_barrier_wait(&held);
  struct timespec ts = {300, 0};
  nanosleep(&ts, NULL);
  pthread_mutex_unlock(&lock);
  return NULL;
}

static void* waiter(void* unused) {
  (void)unused;
  pthread_mutex_lock(&lock);
  pthread_mutex_unlock(&lock);
  return NULL;
}

int main(int argc, char** argv) {
  const char* kind = argc > 1 ? argv[1] : "normal";
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  if (!strcmp(kind, "recursive")) pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
  if (!strcmp(kind, "errorcheck")) pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
  if (!strcmp(kind, "pi")) pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_INHERIT);
  pthread_mutex_init(&lock, &attr);
  pthread_barrier_init(&held, NULL, 2);
  pthread_t h, w;
  pthread_create(&h, NULL, holder, NULL);
  pthread_barrier_wait(&held);
  pthread_create(&w, NULL, waiter, NULL);
  printf("ready %p\n", (void*)&lock);
  fflush(stdout);
  pthread_join(w, NULL);
  return 0;
}
