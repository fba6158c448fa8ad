// -P PATH: a call is traced when one of its path or descriptor arguments
// refers to one of the paths.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "core/call.hpp"

namespace sct {

class PathFilter {
 public:
  // Resolves each path (symlinks, relative parts) as strace does; `notes`
  // gets 'Requested path "x" resolved into "y"' for those that changed.
  void set_paths(const std::vector<std::string>& paths, std::vector<std::string>& notes);
  bool active() const { return !paths_.empty(); }
  bool matches(pid_t pid, const DecodedCall& d, Memory& mem) const;

 private:
  bool is_wanted(const std::string& p) const;
  std::vector<std::string> paths_;
};

}  // namespace sct
