/* N getppid calls: the cost of a stop, nothing else. */
#include <stdlib.h>
#include <unistd.h>
int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 100000;
  for (long i = 0; i < n; i++) getppid();
  return 0;
}
