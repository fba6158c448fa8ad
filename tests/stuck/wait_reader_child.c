// A parent in wait4 whose child reads its standard input, a pipe the parent
// holds the write end of and never writes. Prints "ready CHILD_PID".
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  int p[2];
  if (pipe(p)) return 1;
  pid_t child = fork();
  if (child == 0) {
    dup2(p[0], 0);
    close(p[0]);
    close(p[1]);
    char c;
    return read(0, &c, 1) < 0;
  }
  close(p[0]);
  printf("ready %d\n", (int)child);
  fflush(stdout);
  int status;
  wait4(child, &status, 0, NULL);
  return 0;
}
