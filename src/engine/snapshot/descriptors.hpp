// A process's descriptors and what they refer to, from /proc/PID/fd and
// fdinfo, and who else holds the same pipe, socket or eventfd: the other
// end of a thread blocked on a descriptor (docs/diagnosis.md).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sct {

struct Descriptor {
  enum class Kind { Pipe, Socket, EventFd, Other };
  pid_t pid = 0;
  int fd = -1;
  Kind kind = Kind::Other;
  std::string target;  // the link: "pipe:[88123]", "socket:[9]", "/dev/null"
  uint64_t inode = 0;  // of a pipe or socket (a FIFO is Other: fifo_inode())
};

// The link of /proc/PID/fd/FD, classified; none when it cannot be read.
std::optional<Descriptor> read_descriptor(pid_t pid, int fd);
// Its open flags (fdinfo "flags:", octal), or -1.
int descriptor_flags(pid_t pid, int fd);
// An eventfd's identity (fdinfo "eventfd-id:"), or "" on kernels without it.
std::string eventfd_id(pid_t pid, int fd);
// The inode of the FIFO a descriptor refers to, or 0 when it is none. It
// stats the file: asked only of the descriptor a thread is blocked on, never
// of every process's files (one on a hung mount would hang the report).
uint64_t fifo_inode(pid_t pid, int fd);

// Every process's descriptors that are pipes, sockets or eventfds, by what
// they refer to, read once from /proc/*/fd on first use.
class DescriptorIndex {
 public:
  // Holders of pipe or socket `inode`.
  const std::vector<Descriptor>& holders(uint64_t inode);
  // Holders of the FIFO `inode` opened by this path (a FIFO opened by
  // another name is not found).
  std::vector<Descriptor> fifo_holders(const std::string& path, uint64_t inode);
  // Holders of the eventfd with this fdinfo id.
  std::vector<Descriptor> eventfd_holders(const std::string& id);
  // Processes whose descriptors could not be read (not permitted).
  int unreadable() { build(); return unreadable_; }

 private:
  void build();
  bool built_ = false;
  int unreadable_ = 0;
  std::map<uint64_t, std::vector<Descriptor>> by_inode_;
  std::vector<Descriptor> eventfds_;
  std::multimap<std::string, Descriptor> by_path_;
};

}  // namespace sct
