#include "engine/proc.hpp"

#include <dirent.h>

#include <cstdlib>

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

}  // namespace sct
