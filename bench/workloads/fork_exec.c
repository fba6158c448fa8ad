/* N times: fork, exec /bin/true, wait. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 100;
  for (long i = 0; i < n; i++) {
    pid_t p = fork();
    if (p == 0) {
      execl("/bin/true", "true", (char *)0);
      _exit(127);
    }
    int st;
    waitpid(p, &st, 0);
  }
  return 0;
}
