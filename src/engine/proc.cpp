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

pid_t tgid_of(pid_t tid) {
  std::string path = "/proc/" + std::to_string(tid) + "/status";
  FILE* f = fopen(path.c_str(), "re");
  if (!f) return tid;
  char line[256];
  pid_t tgid = tid;
  while (fgets(line, sizeof line, f))
    if (sscanf(line, "Tgid: %d", &tgid) == 1) break;
  fclose(f);
  return tgid;
}

}  // namespace sct
