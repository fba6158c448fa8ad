// Two threads lock two mutexes in opposite order and deadlock; the main
// thread joins the first. Prints "ready" once both hold their first mutex.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t first = PTHREAD_MUTEX_INITIALIZER, second = PTHREAD_MUTEX_INITIALIZER;
static pthread_barrier_t both_hold;

static void* take(void* arg) {
  pthread_mutex_t* a = arg == NULL ? &first : &second;
  pthread_mutex_t* b = arg == NULL ? &second : &first;
  pthread_mutex_lock(a);
  pthread_barrier_wait(&both_hold);
  pthread_mutex_lock(b);
  return NULL;
}

int main(void) {
  pthread_t t1, t2;
  pthread_barrier_init(&both_hold, NULL, 3);
  pthread_create(&t1, NULL, take, NULL);
  pthread_create(&t2, NULL, take, (void*)1);
  pthread_barrier_wait(&both_hold);
  printf("ready %p %p\n", (void*)&first, (void*)&second);
  fflush(stdout);
  pthread_join(t1, NULL);
  return 0;
}
