#include "engine/snapshot/descriptors.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "engine/snapshot/proc_files.hpp"

namespace sct {

namespace {

uint64_t bracketed(const std::string& s) {
  size_t open = s.find('[');
  return open == std::string::npos ? 0 : strtoull(s.c_str() + open + 1, nullptr, 10);
}

std::string fdinfo_field(pid_t pid, int fd, const char* key) {
  std::string text;
  if (read_text("/proc/" + std::to_string(pid) + "/fdinfo/" + std::to_string(fd), text)) return {};
  return field_of(text, key);
}

}  // namespace

std::optional<Descriptor> read_descriptor(pid_t pid, int fd) {
  Descriptor d;
  d.pid = pid;
  d.fd = fd;
  d.target = read_link("/proc/" + std::to_string(pid) + "/fd/" + std::to_string(fd));
  if (d.target.empty()) return std::nullopt;
  if (d.target.starts_with("pipe:[")) d.kind = Descriptor::Kind::Pipe;
  else if (d.target.starts_with("socket:[")) d.kind = Descriptor::Kind::Socket;
  else if (d.target == "anon_inode:[eventfd]") d.kind = Descriptor::Kind::EventFd;
  if (d.kind == Descriptor::Kind::Pipe || d.kind == Descriptor::Kind::Socket) d.inode = bracketed(d.target);
  return d;
}

int descriptor_flags(pid_t pid, int fd) {
  std::string v = fdinfo_field(pid, fd, "flags");
  return v.empty() ? -1 : static_cast<int>(strtol(v.c_str(), nullptr, 8));
}

std::string eventfd_id(pid_t pid, int fd) { return fdinfo_field(pid, fd, "eventfd-id"); }

uint64_t fifo_inode(pid_t pid, int fd) {
  struct stat st {};
  if (stat(("/proc/" + std::to_string(pid) + "/fd/" + std::to_string(fd)).c_str(), &st) != 0 || !S_ISFIFO(st.st_mode))
    return 0;
  return st.st_ino;
}

std::vector<Descriptor> DescriptorIndex::fifo_holders(const std::string& path, uint64_t inode) {
  build();
  std::vector<Descriptor> out;
  auto [b, e] = by_path_.equal_range(path);
  for (auto it = b; it != e; ++it) {
    // fdinfo's "ino:" confirms it is the same file without a stat of it.
    const Descriptor& d = it->second;
    if (strtoull(fdinfo_field(d.pid, d.fd, "ino").c_str(), nullptr, 10) == inode) out.push_back(d);
  }
  return out;
}

const std::vector<Descriptor>& DescriptorIndex::holders(uint64_t inode) {
  build();
  static const std::vector<Descriptor> kNone;
  auto it = by_inode_.find(inode);
  return it == by_inode_.end() ? kNone : it->second;
}

std::vector<Descriptor> DescriptorIndex::eventfd_holders(const std::string& id) {
  build();
  std::vector<Descriptor> out;
  if (id.empty()) return out;
  for (const Descriptor& d : eventfds_)
    if (eventfd_id(d.pid, d.fd) == id) out.push_back(d);
  return out;
}

void DescriptorIndex::build() {
  if (built_) return;
  built_ = true;
  const pid_t self = getpid();
  for (int pid : numeric_entries("/proc")) {
    if (pid == self) continue;
    const std::string dir = "/proc/" + std::to_string(pid) + "/fd";
    std::vector<int> fds = numeric_entries(dir);
    if (fds.empty() && access(dir.c_str(), R_OK | X_OK) != 0 && errno == EACCES) ++unreadable_;
    for (int fd : fds) {
      auto d = read_descriptor(pid, fd);
      if (!d) continue;
      if (d->kind == Descriptor::Kind::EventFd) eventfds_.push_back(*d);
      else if (d->inode) by_inode_[d->inode].push_back(*d);
      else if (d->target.starts_with("/")) by_path_.emplace(d->target, *d);
    }
  }
}

}  // namespace sct
