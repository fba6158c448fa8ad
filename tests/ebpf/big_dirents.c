/* Reads a directory with getdents64, then again with getdents (the old
 * struct linux_dirent), each with a 256 KiB buffer: a result larger than
 * the eBPF engine copies (SCT_DIRENTS_CAP): stream_test.py's dirents. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static void read_all(const char* dir, long nr) {
  enum { kSize = 256 * 1024 };
  char* buf = malloc(kSize);
  int fd = open(dir, O_RDONLY | O_DIRECTORY);
  while (syscall(nr, fd, buf, kSize) > 0) {
  }
  close(fd);
  free(buf);
}

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  read_all(argv[1], SYS_getdents64);
  read_all(argv[1], SYS_getdents);
  return 0;
}
