// The paths of each process's descriptors as the trace saw them opened.
// Calls decoded after the fact (the eBPF engine's records) cannot ask /proc
// about a descriptor that has since been closed or reused; this remembers
// what the engine saw while it was open. The session feeds it through the
// spec's roles (RClose, RDup, descriptor-returning calls).
#pragma once

#include <sys/types.h>

#include <map>
#include <optional>
#include <string>

namespace sct {

class FdTable {
 public:
  void learn(pid_t tgid, int fd, std::string path) { fds_[tgid][fd] = std::move(path); }
  void forget(pid_t tgid, int fd);
  void copy(pid_t tgid, int from, int to);
  // A new process starts with its parent's descriptors.
  void inherit(pid_t parent, pid_t child);
  // Every descriptor the process has open now, from /proc; with
  // `before_exec`, only those its coming execve keeps (not O_CLOEXEC).
  void learn_open(pid_t tgid, bool before_exec = false);
  std::optional<std::string> lookup(pid_t tgid, int fd) const;

 private:
  std::map<pid_t, std::map<int, std::string>> fds_;
};

}  // namespace sct
