#include "session/fd_table.hpp"

#include <fcntl.h>
#include <fmt/format.h>

#include <fstream>

#include "core/call.hpp"
#include "engine/proc.hpp"

namespace sct {

void FdTable::forget(pid_t tgid, int fd) {
  auto p = fds_.find(tgid);
  if (p != fds_.end()) p->second.erase(fd);
}

void FdTable::copy(pid_t tgid, int from, int to) {
  if (auto path = lookup(tgid, from)) learn(tgid, to, *path);
  else forget(tgid, to);
}

void FdTable::inherit(pid_t parent, pid_t child) {
  auto p = fds_.find(parent);
  if (p != fds_.end()) fds_[child] = p->second;
}

namespace {

// Whether /proc/PID/fdinfo/FD says the descriptor closes at exec: its
// "flags:" line is octal (Documentation/filesystems/proc.rst).
bool close_on_exec(pid_t tgid, int fd) {
  std::ifstream in(fmt::format("/proc/{}/fdinfo/{}", tgid, fd));
  std::string key;
  unsigned long flags = 0;
  while (in >> key)
    if (key == "flags:" && (in >> std::oct >> flags)) return flags & O_CLOEXEC;
  return false;
}

}  // namespace

void FdTable::learn_open(pid_t tgid, bool before_exec) {
  for (int fd : proc_numbers(fmt::format("/proc/{}/fd", tgid))) {
    // The tracer's own descriptors, still there until the command's exec.
    if (before_exec && close_on_exec(tgid, fd)) continue;
    if (std::string p = proc_fd_path(tgid, fd); !p.empty()) learn(tgid, fd, std::move(p));
  }
}

std::optional<std::string> FdTable::lookup(pid_t tgid, int fd) const {
  auto p = fds_.find(tgid);
  if (p == fds_.end()) return std::nullopt;
  auto f = p->second.find(fd);
  if (f == p->second.end()) return std::nullopt;
  return f->second;
}

}  // namespace sct
