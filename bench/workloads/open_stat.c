/* N rounds of open/fstat/close over an existing file and a missing one. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 10000;
  struct stat st;
  for (long i = 0; i < n; i++) {
    int fd = open("/etc/os-release", O_RDONLY);
    fstat(fd, &st);
    close(fd);
    open("/etc/sctrace-bench-missing", O_RDONLY);
  }
  return 0;
}
