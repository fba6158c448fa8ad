/* A busy process tree for the interruption tests: three children make
 * syscalls for about a second, then each leaves a marker file in argv[1];
 * the parent waits for them and leaves its own. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void mark(const char *dir, const char *name) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  close(open(path, O_CREAT | O_WRONLY, 0644));
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  for (int i = 0; i < 3; i++) {
    if (fork() == 0) {
      int null = open("/dev/null", O_WRONLY);
      double end = now() + 1.0;
      while (now() < end) {
        getppid();
        write(null, "x", 1);
      }
      char name[16];
      snprintf(name, sizeof name, "child%d", i);
      mark(argv[1], name);
      _exit(0);
    }
  }
  int status, ok = 1;
  while (wait(&status) > 0)
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ok = 0;
  if (ok) mark(argv[1], "parent");
  return ok ? 0 : 1;
}
