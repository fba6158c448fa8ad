// What --decode-fds= shows of a descriptor, from what /proc (or the fd
// table) says it is: its path (path), "<char 1:3>" after a device's path
// (dev), a socket's endpoints from sock_diag (socket), "pid:N" for a pidfd
// (pidfd). strace 6.1 remembers an IP socket's endpoints from the first
// time the kernel knew them and never asks again (a UDP socket connected
// after its bind keeps showing only its own address): so does the cache.
#pragma once

#include <sys/types.h>

#include <map>
#include <span>
#include <string>
#include <utility>
#include <unordered_map>

#include "core/socket_snapshot.hpp"
#include "session/sock_diag.hpp"

namespace sct {

class FdDetails {
 public:
  // The text between fd< and >, or "" for none. `link` is what /proc/PID/fd/FD
  // says (or said, while it was open); `what` the kFd* bits.
  // `tgid` is the process that owns the descriptor table.
  // `snap`: what the kernel knew of the descriptor's socket when strace
  // would have asked (an engine that decodes late copies it), used instead
  // of asking sock_diag now.
  std::string describe(pid_t pid, pid_t tgid, int64_t fd, const std::string& link, unsigned what,
                       const SocketSnapshot* snap = nullptr);
  // An engine's copies at a call, shown or not (-P, --trace-fds= hide
  // some): the last whole copy of each socket serves a later short one
  // (SocketSnapshot::known) whose whole copy was at a call not decoded.
  void learn(std::span<const SocketSnapshot> sockets) {
    for (const SocketSnapshot& s : sockets)
      if (!s.known) whole_[s.inode] = s;
  }
  // The descriptor was closed: what was learnt of it no longer holds.
  void forget(pid_t tgid, int64_t fd) { pidfds_.erase({tgid, fd}); }

 private:
  std::string socket_text(pid_t pid, int64_t fd, const std::string& link, const SocketSnapshot* snap);
  SockDiag diag_;
  std::unordered_map<uint64_t, std::string> sockets_;  // inode -> endpoints
  std::unordered_map<uint64_t, std::string> protocols_;  // inode -> TCP, UNIX-STREAM...
  std::unordered_map<uint64_t, SocketSnapshot> whole_;    // inode -> its last whole copy
  // (tgid, fd) -> the pid of a pidfd, learnt while it was open: every pidfd
  // shares one inode, and an engine that decodes late finds it closed.
  std::map<std::pair<pid_t, int64_t>, std::string> pidfds_;
};

}  // namespace sct
