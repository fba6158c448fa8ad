/* `exec_thread`: a second thread runs execve while the leader waits
 * in pthread_join and a third thread in pause(); the exec ends both and
 * takes the leader's pid. With any argument the leader runs it. The
 * strings execve is given are in a page nothing has touched yet (the
 * argument is not even compared), so a tracer in the kernel cannot copy
 * them at the call's entry. */
#include <pthread.h>
#include <unistd.h>

extern char** environ;

static void* sleeper(void* arg) {
  (void)arg;
  pause();
  return NULL;
}

static void* run(void* arg) {
  (void)arg;
  usleep(100000);
  char* argv[] = {"/bin/true", "from-exec_thread", NULL};
  execve(argv[0], argv, environ);
  return NULL;
}

int main(int argc, char** argv) {
  (void)argv;
  if (argc > 1) return run(NULL) != NULL;
  pthread_t s, t;
  pthread_create(&s, NULL, sleeper, NULL);
  pthread_create(&t, NULL, run, NULL);
  pthread_join(t, NULL);
  return 1;
}
