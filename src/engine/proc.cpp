#include "engine/proc.hpp"

#include <dirent.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace sct {

std::vector<int> proc_numbers(const std::string& dir) {
  std::vector<int> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* de = readdir(d))
      if (de->d_name[0] != '.') out.push_back(atoi(de->d_name));
    closedir(d);
  }
  return out;
}

std::optional<ProcSyscall> proc_syscall(pid_t tgid, pid_t tid) {
  std::string path = "/proc/" + std::to_string(tgid) + "/task/" + std::to_string(tid) + "/syscall";
  FILE* f = fopen(path.c_str(), "re");
  if (!f) return std::nullopt;
  // "NR ARG1 .. ARG6 SP PC" in hex after the number; "running", or
  // "-1 SP PC" outside a call (fs/proc/base.c, proc_pid_syscall).
  ProcSyscall s;
  unsigned long long a[6], sp, pc;
  int n = fscanf(f, "%ld %llx %llx %llx %llx %llx %llx %llx %llx", &s.nr, &a[0], &a[1], &a[2], &a[3], &a[4],
                 &a[5], &sp, &pc);
  fclose(f);
  if (n != 9 || s.nr < 0) return std::nullopt;
  for (int i = 0; i < 6; ++i) s.args[i] = a[i];
  s.sp = sp;
  return s;
}

namespace {
// A numeric field of /proc/TID/status ("Tgid", "PPid"), or `otherwise`.
pid_t status_field(pid_t tid, const char* name, pid_t otherwise) {
  std::string path = "/proc/" + std::to_string(tid) + "/status";
  FILE* f = fopen(path.c_str(), "re");
  if (!f) return otherwise;
  std::string key = std::string(name) + ": %d";
  char line[256];
  pid_t value = otherwise;
  while (fgets(line, sizeof line, f))
    if (sscanf(line, key.c_str(), &value) == 1) break;
  fclose(f);
  return value;
}
}  // namespace

pid_t tgid_of(pid_t tid) { return status_field(tid, "Tgid", tid); }

pid_t ppid_of(pid_t tid) { return status_field(tid, "PPid", 0); }

}  // namespace sct
