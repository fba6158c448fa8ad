#include "core/call.hpp"

#include <fcntl.h>
#include <limits.h>
#include <unistd.h>

#include <algorithm>
#include <fmt/format.h>

#include "core/arg_sets.hpp"
#include "core/pid_names.hpp"
#include "core/struct_value.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {

// Where a /proc symlink points; empty when it cannot be read.
std::string proc_link(const std::string& link) {
  char buf[PATH_MAX];
  ssize_t n = readlink(link.c_str(), buf, sizeof buf);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
}

}  // namespace

std::string Memory::fd_path(pid_t pid, int64_t fd) { return proc_fd_path(pid, fd); }

std::string Memory::cwd(pid_t pid) { return proc_link(fmt::format("/proc/{}/cwd", pid)); }

int64_t Memory::outer_pid(pid_t tracee, int64_t id) { return proc_outer_pid(tracee, id); }

std::string Memory::pid_comm(int64_t pid) { return proc_pid_comm(pid); }

std::string proc_fd_path(pid_t pid, int64_t fd) {
  if (fd < 0) return {};
  return proc_link(fmt::format("/proc/{}/fd/{}", pid, fd));
}

std::string_view argument_name(const DecodedCall& d, size_t i) {
  if (i >= d.values.size()) return {};
  if (auto* n = std::get_if<std::shared_ptr<Named>>(&d.values[i].v)) return (*n)->name;
  if (!d.info) return {};
  return arg_name(*d.info, static_cast<int>(i));
}

Value Call::fd(int64_t fd) const {
  Fd f{fd, {}};
  if (opts_.decode_fds) f.path = mem_.fd_path(pid_, fd);
  return f;
}

Value describe_pid(Memory& mem, const DecodeOptions& opts, pid_t tracee, int64_t id, bool group) {
  if ((!opts.pid_comm && !opts.pidns) || id <= 0) return Int{id};
  // The name is looked up by the id in sctrace's namespace, even when only
  // -Y is given: strace shows 1<comm> for a namespace's first process.
  int64_t outer = mem.outer_pid(tracee, id);
  Pid p{id, {}, opts.pidns && outer != id ? outer : 0};
  if (opts.pid_comm && !group && outer) p.comm = mem.pid_comm(outer);
  if (p.comm.empty() && !p.outer) return Int{id};
  return p;
}

Value Call::pid(int64_t id, bool group) const { return describe_pid(mem_, opts_, pid_, id, group); }

Value Call::dirfd(int64_t fd) const {
  if (static_cast<int>(fd) == AT_FDCWD) {
    // Under -y the current directory is shown as AT_FDCWD's path.
    const Sym cwd{"AT_FDCWD", "DirFd", AT_FDCWD, NumBase::Dec};
    if (!(opts_.decode_fds & kFdPath)) return cwd;
    std::string dir = mem_.cwd(pid_);
    if (dir.empty()) return cwd;
    return Fd{AT_FDCWD, std::move(dir), "AT_FDCWD"};
  }
  return this->fd(static_cast<int>(fd));
}

Value Call::ptr(uint64_t addr) const {
  if (addr == 0) return Ptr{0};
  return Ptr{addr};
}

Value Call::path(uint64_t addr) {
  if (addr == 0) return Ptr{0};
  bool terminated = false;
  auto s = mem_.read_cstr(addr, PATH_MAX, &terminated);
  if (!s) return Ptr{addr};
  return Str{std::move(*s), !terminated, false, true};  // a path: whole
}

Value Call::cstr(uint64_t addr) {
  if (addr == 0) return Ptr{0};
  bool terminated = false;
  auto s = mem_.read_cstr(addr, opts_.max_strlen, &terminated);
  if (!s) return Ptr{addr};
  return Str{std::move(*s), !terminated};
}

Value Call::buf(uint64_t addr, uint64_t len) {
  if (addr == 0) return Ptr{0};  // NULL even with no length: write(1, NULL, 0)
  size_t n = static_cast<size_t>(std::min<uint64_t>(len, opts_.max_strlen));
  std::string bytes(n, '\0');
  if (n && !mem_.read(addr, bytes.data(), n)) return ptr(addr);
  return Str{std::move(bytes), len > opts_.max_strlen};
}

Value Call::buf_out(uint64_t addr, uint64_t len) {
  if (failed()) return ptr(addr);
  return buf(addr, len);
}

}  // namespace sct
