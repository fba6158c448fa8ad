#include "session/fd_details.hpp"

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>

#include <charconv>
#include <fmt/format.h>
#include <fstream>

#include "core/decode_options.hpp"

namespace sct {

namespace {

// The number in "socket:[12345]", or 0.
uint64_t socket_inode(const std::string& link) {
  constexpr std::string_view kPrefix = "socket:[";
  if (!link.starts_with(kPrefix) || !link.ends_with(']')) return 0;
  uint64_t ino = 0;
  std::from_chars(link.data() + kPrefix.size(), link.data() + link.size() - 1, ino);
  return ino;
}

// The pid a pidfd refers to: the "Pid:" line of its fdinfo.
std::string pidfd_pid(pid_t pid, int64_t fd) {
  std::ifstream in(fmt::format("/proc/{}/fdinfo/{}", pid, fd));
  std::string key, value;
  while (in >> key >> value)
    if (key == "Pid:") return value;
  return {};
}

}  // namespace

std::string FdDetails::socket_text(pid_t pid, int64_t fd, const std::string& link, const SocketSnapshot* snap) {
  uint64_t ino = socket_inode(link);
  if (auto s = sockets_.find(ino); s != sockets_.end()) return s->second;
  // Sent whole before, at a call not shown (its answer the one strace
  // would keep), or lost: the last whole copy, else sock_diag now.
  if (snap && snap->known) {
    auto w = whole_.find(ino);
    snap = w != whole_.end() ? &w->second : nullptr;
  }
  // The protocol's name, as the kernel gives it to /proc's socket files.
  auto p = protocols_.find(ino);
  if (p == protocols_.end() && snap && snap->inode == ino && !snap->proto.empty())
    p = protocols_.emplace(ino, snap->proto).first;
  if (p == protocols_.end()) {
    char name[64];
    ssize_t n = getxattr(fmt::format("/proc/{}/fd/{}", pid, fd).c_str(), "system.sockprotoname", name, sizeof name - 1);
    // Gone already (an eBPF record read late): only the inode is known.
    if (n <= 0) return link;
    p = protocols_.emplace(ino, std::string(name, strnlen(name, static_cast<size_t>(n)))).first;
  }
  // The kernel's copy from the time of the call, else sock_diag now.
  std::optional<std::string> d;
  if (snap && snap->inode == ino) {
    if (auto e = endpoints_of(*snap, diag_.scope())) d = format_endpoints(*e, ino, p->second);
  } else {
    d = diag_.describe(ino, p->second);
  }
  if (!d) return fmt::format("{}:[{}]", p->second, ino);
  // strace 6.1 keeps what it first learnt of a socket (a UDP socket
  // connected after its bind keeps showing only its own address; a UNIX
  // socket keeps its peer after the peer has gone), except a UNIX socket
  // with neither peer nor name, which it asks about again.
  if (!p->second.starts_with("UNIX") || *d != fmt::format("{}:[{}]", p->second, ino)) sockets_.emplace(ino, *d);
  return *d;
}

std::string FdDetails::describe(pid_t pid, pid_t tgid, int64_t fd, const std::string& link, unsigned what,
                                const SocketSnapshot* snap) {
  if (link.empty()) return {};
  if (socket_inode(link)) return what & kFdSocket ? socket_text(pid, fd, link, snap) : what & kFdPath ? link : "";
  if (link == "anon_inode:[pidfd]" && (what & kFdPidfd)) {
    // /proc first: what the table remembers is for a descriptor closed since.
    if (std::string p = pidfd_pid(pid, fd); !p.empty()) return pidfds_[{tgid, fd}] = "pid:" + p;
    if (auto known = pidfds_.find({tgid, fd}); known != pidfds_.end()) return known->second;
  }
  if ((what & kFdDev) && link.starts_with('/')) {
    struct stat st;
    // The path the table knows, which for a device node rarely changes;
    // else the descriptor itself. Not the descriptor first: an engine that
    // decodes late may find the number closed and reused (a socket now).
    if (stat(link.c_str(), &st) != 0 && stat(fmt::format("/proc/{}/fd/{}", pid, fd).c_str(), &st) != 0) st.st_mode = 0;
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
      return fmt::format("{}<{} {}:{}>", link, S_ISCHR(st.st_mode) ? "char" : "block", major(st.st_rdev),
                         minor(st.st_rdev));
  }
  return what & kFdPath ? link : "";
}

}  // namespace sct
