#include "filter/path_filter.hpp"

#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdio>

namespace sct {

void PathFilter::set_paths(const std::vector<std::string>& paths, std::vector<std::string>& notes) {
  for (const auto& p : paths) {
    paths_.push_back(p);
    char buf[PATH_MAX];
    if (realpath(p.c_str(), buf) && p != buf) {
      paths_.emplace_back(buf);
      notes.push_back("Requested path \"" + p + "\" resolved into \"" + buf + "\"");
    }
  }
}

bool PathFilter::is_wanted(const std::string& p) const {
  return std::find(paths_.begin(), paths_.end(), p) != paths_.end();
}

bool PathFilter::matches(pid_t pid, const DecodedCall& d, Memory& mem) const {
  if (!d.info) return false;
  for (int i = 0; i < d.info->nargs; ++i) {
    switch (d.info->args[i]) {
      case ArgT::Path: {
        bool terminated = false;
        auto s = mem.read_cstr(d.args[i], PATH_MAX, &terminated);
        if (s && is_wanted(*s)) return true;
        break;
      }
      case ArgT::Fd:
      case ArgT::DirFd:
        if (static_cast<int>(d.args[i]) != AT_FDCWD && is_wanted(mem.fd_path(pid, static_cast<int>(d.args[i]))))
          return true;
        break;
      default: break;
    }
  }
  return false;
}

}  // namespace sct
