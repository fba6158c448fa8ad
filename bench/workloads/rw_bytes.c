/* N one-byte reads from /dev/zero and writes to /dev/null. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 100000;
  int in = open("/dev/zero", O_RDONLY), out = open("/dev/null", O_WRONLY);
  char c;
  for (long i = 0; i < n; i++) {
    read(in, &c, 1);
    write(out, &c, 1);
  }
  return 0;
}
