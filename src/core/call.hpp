// The interface a decoder sees: one syscall, at entry or at exit.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/decode_options.hpp"
#include "core/memory.hpp"
#include "core/tampering.hpp"
#include "core/value.hpp"
#include "syscalls/syscall_table.hpp"

namespace sct {

// A syscall as the engine saw it, and what the decoders made of it.
// Bytes a call moved through a descriptor, for -e read= / -e write=: one
// buffer, or one iovec of several.
struct DataChunk {
  std::string bytes;  // what could be read of it
  uint64_t len = 0;   // how many bytes the call moved through it
  int iov = -1;       // its index among the call's iovecs, or -1 for a plain buffer
  // sendmmsg/recvmmsg: the message it belongs to, or -1; the first chunk of
  // each message says how many iovecs the message has.
  int vector = -1;
  uint64_t vector_iovs = 0;
  bool vector_head = false;
  // Not even where the data lies could be read (an iovec array or message
  // header the engine did not copy): the dump says so instead.
  bool missing = false;
};

struct DecodedCall {
  long nr = -1;
  const SyscallInfo* info = nullptr;  // nullptr for numbers the table lacks
  uint64_t args[6] = {};
  uint64_t sp = 0;  // the stack pointer at entry (rt_sigreturn reads its frame)
  uint64_t ip = 0;  // the user instruction pointer at entry (-i), when ip_known
  bool ip_known = false;
  uint64_t saved[4] = {};  // what a decoder read at entry and needs at exit
  std::vector<Value> values;  // the arguments, in order (arg_name() names each)
  size_t entry_values = 0;    // how many of `values` were known at entry
  // How many arguments the call takes: the row's count, fewer for a command
  // that takes less (fcntl(fd, F_GETFL)), all shown when the decoder is done
  // at entry. The text sink derives strace's layout from it and the values.
  uint8_t arity = 0;
  // The decoder asked to be called again at exit (decoding state, not layout).
  bool exit_pending = false;
  // Exit.
  bool has_exit = false;
  int64_t ret = 0;
  std::optional<Value> ret_value;  // replaces the default rendering of ret
  std::optional<Value> ret_aux;    // printed after it in parentheses
  uint8_t tampered = 0;  // TamperBit: what -e inject= did to the call
  // -e read=/write=: the data moved, dumped after the line. `data_cap`: a
  // chunk with fewer bytes than its len was cut at this capture limit (the
  // eBPF engine's); 0 when nothing was cut.
  std::vector<DataChunk> data;
  size_t data_cap = 0;

  // As new, keeping the room its values took: a tracer reuses one per thread.
  void reset() {
    std::vector<Value> keep = std::move(values);
    keep.clear();
    *this = DecodedCall{};
    values = std::move(keep);
  }
};

// Which argument values[i] is: the name it is shown with (clone's flags=),
// else the kernel's name for argument i (arg_name(): the spec's prototype);
// empty when neither is known.
std::string_view argument_name(const DecodedCall& d, size_t i);

// Whether the call returned an error (calls that never fail return any value).
inline bool call_failed(const DecodedCall& d) {
  if (d.tampered & kTamperedReturn) return d.tampered & kTamperedError;  // -e inject=
  const bool never_fails = d.info && (d.info->classes & NF);
  return !never_fails && d.ret < 0 && d.ret >= -4095;
}

class Call {
 public:
  Call(pid_t pid, DecodedCall& d, Memory& mem, const DecodeOptions& opts, bool exiting)
      : pid_(pid), d_(d), mem_(mem), opts_(opts), exiting_(exiting) {}

  pid_t pid() const { return pid_; }
  bool entering() const { return !exiting_; }
  bool exiting() const { return exiting_; }
  uint64_t arg(int i) const { return d_.args[i]; }
  int64_t sarg(int i) const { return static_cast<int64_t>(d_.args[i]); }
  // The low 32 bits, sign-extended: what an `int` parameter holds.
  int iarg(int i) const { return static_cast<int>(d_.args[i]); }
  unsigned uarg(int i) const { return static_cast<unsigned>(d_.args[i]); }
  int64_t ret() const { return d_.ret; }
  uint64_t sp() const { return d_.sp; }
  void save(int i, uint64_t v) { d_.saved[i] = v; }
  uint64_t saved(int i) const { return d_.saved[i]; }
  bool failed() const {
    if (d_.tampered & kTamperedReturn) return d_.tampered & kTamperedError;  // -e inject=
    return d_.ret < 0 && d_.ret >= -4095;
  }
  Memory& mem() { return mem_; }
  const DecodeOptions& opts() const { return opts_; }
  const SyscallInfo* info() const { return d_.info; }

  void push(Value v) { d_.values.push_back(std::move(v)); }
  void set_ret(Value v) { d_.ret_value = std::move(v); }
  void set_ret_aux(Value v) { d_.ret_aux = std::move(v); }
  // The call takes no more arguments than those pushed (fcntl's getters):
  // an entry that returns false only to decorate the return value.
  void args_done() { d_.arity = static_cast<uint8_t>(d_.values.size()); }
  // Argument i, shown at entry, as the kernel left it: before => after.
  void set_changed(size_t i, Value after) {
    d_.values[i] = changed(std::move(d_.values[i]), std::move(after));
  }

  // Building blocks that behave as strace's printers do.
  Value fd(int64_t fd) const;            // 3, or 3</path> under -y
  // A process or thread id, 1234<comm> under -Y; a process group or
  // session id (`group`) never shows a name, as in strace.
  Value pid(int64_t id, bool group = false) const;
  Value dirfd(int64_t fd) const;         // AT_FDCWD or fd
  Value ptr(uint64_t addr) const;        // NULL or 0x...
  Value path(uint64_t addr);             // whole NUL-terminated path, or its address
  Value cstr(uint64_t addr);             // NUL-terminated string, -s limited
  // A buffer of `len` bytes, -s limited, or its address when unreadable.
  Value buf(uint64_t addr, uint64_t len);
  // An out-buffer at exit: its address when the call failed.
  Value buf_out(uint64_t addr, uint64_t len);
  // Reads a struct or an array's bytes, or fails (then print ptr(addr)):
  // under strace's -e verbose= off for this call it always fails.
  bool fetch(uint64_t addr, void* buf, size_t len) {
    return opts_.structs && mem_.read(addr, buf, len);
  }
  // Reads a struct, or nullopt (then print ptr(addr)).
  template <class T>
  std::optional<T> read(uint64_t addr) {
    // strace's -e verbose= off: a struct is shown as its address.
    if (addr == 0 || !opts_.structs) return std::nullopt;
    return mem_.read_as<T>(addr);
  }

 private:
  pid_t pid_;
  DecodedCall& d_;
  Memory& mem_;
  const DecodeOptions& opts_;
  bool exiting_;
};

// Id `id` as `tracee` passed or got it, as -Y and --decode-pids show it
// (Call::pid): a Pid, or a plain Int when there is nothing to add.
Value describe_pid(Memory& mem, const DecodeOptions& opts, pid_t tracee, int64_t id, bool group);

// The path of a tracee's descriptor from /proc, or "" when it cannot be read.
std::string proc_fd_path(pid_t pid, int64_t fd);


}  // namespace sct
