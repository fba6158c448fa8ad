/* 4 threads: two pairs passing a token N times, one pair through a pipe,
 * one through a futex-based mutex and condition variable. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
static long n;
static int p1[2], p2[2];
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static long turn;
static void *pipe_a(void *x) { char c = 0; for (long i = 0; i < n; i++) { write(p1[1], &c, 1); read(p2[0], &c, 1); } return x; }
static void *pipe_b(void *x) { char c; for (long i = 0; i < n; i++) { read(p1[0], &c, 1); write(p2[1], &c, 1); } return x; }
static void *cond(void *x) {
  long me = (long)x;
  for (long i = 0; i < n; i++) {
    pthread_mutex_lock(&mu);
    while (turn % 2 != me) pthread_cond_wait(&cv, &mu);
    turn++;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
  }
  return 0;
}
int main(int argc, char **argv) {
  n = argc > 1 ? atol(argv[1]) : 10000;
  pipe(p1);
  pipe(p2);
  pthread_t t[4];
  pthread_create(&t[0], 0, pipe_a, 0);
  pthread_create(&t[1], 0, pipe_b, 0);
  pthread_create(&t[2], 0, cond, (void *)0);
  pthread_create(&t[3], 0, cond, (void *)1);
  for (int i = 0; i < 4; i++) pthread_join(t[i], 0);
  return 0;
}
