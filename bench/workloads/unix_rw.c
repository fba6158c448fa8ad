/* N one-byte writes and reads through a UNIX socketpair, in one thread:
 * every call names a socket (the cost of -yy per call). */
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>
int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 100000;
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) return 1;
  char c = 'x';
  for (long i = 0; i < n; i++) {
    write(sv[0], &c, 1);
    read(sv[1], &c, 1);
  }
  return 0;
}
