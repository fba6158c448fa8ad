#include "stack/own_vdso.hpp"

#include <sys/auxv.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

namespace sct {

namespace {

int make_vdso_fd() {
  const uintptr_t base = getauxval(AT_SYSINFO_EHDR);
  if (!base) return -1;
  // Its size: the [vdso] line of our own maps.
  FILE* maps = fopen("/proc/self/maps", "re");
  if (!maps) return -1;
  unsigned long start = 0, end = 0;
  char line[512];
  bool found = false;
  while (!found && fgets(line, sizeof line, maps))
    found = strstr(line, "[vdso]") && sscanf(line, "%lx-%lx", &start, &end) == 2 && start == base;
  fclose(maps);
  if (!found || end <= start) return -1;
  int fd = memfd_create("vdso", MFD_CLOEXEC);
  if (fd < 0) return -1;
  const char* p = reinterpret_cast<const char*>(base);
  for (size_t done = 0, len = end - start; done < len;) {
    ssize_t n = write(fd, p + done, len - done);
    if (n <= 0) {
      close(fd);
      return -1;
    }
    done += static_cast<size_t>(n);
  }
  return fd;
}

}  // namespace

int own_vdso_fd() {
  static const int fd = make_vdso_fd();
  return fd;
}

}  // namespace sct
