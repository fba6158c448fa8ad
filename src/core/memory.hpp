// How decoders read tracee memory. Engines implement it: ptrace reads lazily,
// the eBPF engine serves what its capture plan copied.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <sys/types.h>

namespace sct {

class Memory {
 public:
  virtual ~Memory() = default;
  // Reads exactly len bytes, or fails.
  virtual bool read(uint64_t addr, void* buf, size_t len) = 0;
  // Reads up to len bytes from addr: as many as can be served from its
  // start (an engine that copied less than the whole buffer serves what it
  // copied). Returns how many.
  virtual size_t read_prefix(uint64_t addr, void* buf, size_t len) { return read(addr, buf, len) ? len : 0; }
  // Reads a NUL-terminated string of at most max bytes (without the NUL).
  // `terminated` is false when no NUL was found within max bytes.
  // Fails (nullopt) when the first byte cannot be read... or any byte before
  // the NUL or the limit.
  virtual std::optional<std::string> read_cstr(uint64_t addr, size_t max, bool* terminated) = 0;

  // How many entries the d_reclen chain of a getdents result at addr holds,
  // when the engine counted them as it copied less than the whole result
  // (the eBPF engine past SCT_DIRENTS_CAP); nullopt: read the buffer.
  virtual std::optional<uint64_t> dirents_counted(uint64_t /*addr*/) { return std::nullopt; }

  // The path a descriptor of the tracee refers to (-y), or "". By default
  // from /proc now; an engine that decodes later knows better.
  virtual std::string fd_path(pid_t pid, int64_t fd);
  // The tracee's current directory (AT_FDCWD under -y), or "".
  virtual std::string cwd(pid_t pid);
  // -Y, --decode-pids: id `id` of `tracee`'s pid namespace in sctrace's
  // (0 when no task has it), and the command name of a task of sctrace's
  // namespace ("" when it has gone). By default from /proc now.
  virtual int64_t outer_pid(pid_t tracee, int64_t id);
  virtual std::string pid_comm(int64_t pid);

  template <class T>
  std::optional<T> read_as(uint64_t addr) {
    T t;
    if (!read(addr, &t, sizeof t)) return std::nullopt;
    return t;
  }
};

}  // namespace sct
