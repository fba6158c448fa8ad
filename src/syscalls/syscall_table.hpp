// The syscall table: the one place that knows every syscall's number, name,
// argument count, trace classes, return kind and argument types.
// Its rows live in x86_64.def; everything else derives from them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "syscalls/ctype.hpp"
#include "syscalls/struct_desc.hpp"

namespace sct {

class Call;

// Trace classes, with the membership strace 6.1 gives them.
enum TraceClass : uint32_t {
  TD = 1u << 0,     // %desc
  TF = 1u << 1,     // %file
  TI = 1u << 2,     // %ipc
  TN = 1u << 3,     // %network
  TP = 1u << 4,     // %process
  TS = 1u << 5,     // %signal
  TM = 1u << 6,     // %memory
  TC = 1u << 7,     // %creds
  TCL = 1u << 8,    // %clock
  TST = 1u << 9,    // %stat
  TLST = 1u << 10,  // %lstat
  TFST = 1u << 11,  // %fstat
  TSTA = 1u << 12,  // %%stat
  TSF = 1u << 13,   // %statfs
  TFSF = 1u << 14,  // %fstatfs
  TSFA = 1u << 15,  // %%statfs
  PU = 1u << 16,    // %pure
  NF = 1u << 17,    // never fails: the return value is never an error
  // Roles: what other layers ask of a call instead of its number.
  RExec = 1u << 18,   // replaces the program (its path is the first Path argument)
  RTask = 1u << 19,   // creates a process or thread
  RClose = 1u << 20,  // closes the descriptor in its first argument
  RDup = 1u << 21,    // returns a copy of the descriptor in its first argument
  // Writes into the memory its input arguments point to (vmsplice from a
  // pipe's read end fills the iovecs it was given): what they held must be
  // copied at entry, not at exit.
  RFillsIn = 1u << 22,
  // Moves data through the descriptor in its first argument, in the argument
  // of type BufOutRet/IovOutRet/MsgOutRet (reads) or BufIn/IovIn/MsgIn
  // (writes), or a Ptr one: an array of struct mmsghdr, as many as the
  // return value (sendmmsg, recvmmsg). -e read= and -e write= dump it, as
  // strace 6.1 does for these.
  RReadsData = 1u << 23,
  RWritesData = 1u << 24,
  // Maps, unmaps or changes mappings of the caller's memory: what -k knows
  // of its modules (src/stack/) is stale after it.
  RMaps = 1u << 25,
  // Sets the caller's registers (rt_sigreturn): the stack it returns to is
  // not the one it was called from, and -k shows the former, as strace does.
  RSetsRegs = 1u << 26,
  // Writes two new descriptors into the int[2] its (only) Ptr argument
  // points to (pipe, pipe2, socketpair): -y learns them there.
  RFdPair = 1u << 27,
};

// How the return value prints.
enum class Ret : uint8_t {
  Int,   // signed decimal
  Uint,  // unsigned decimal
  Hex,   // 0x... (brk, mmap, ...)
  Oct,   // 0%o (umask)
  Fd,    // decimal, with the fd's path under -y
  Pid,   // a process or thread id: 1234<comm> under -Y
  Pgid,  // a process group or session id: no name under -Y
  None,  // the call does not return: "= ?"
  Time,  // seconds since the epoch: decimal, then the local date in parentheses
};

// How an argument prints in the generic decoder. A syscall whose arguments
// need more than this is marked Custom and has a hand-written decoder.
enum class ArgT : uint8_t {
  Int,        // signed int, decimal
  Uint,       // unsigned int, decimal
  Long,       // signed long, decimal
  Ulong,      // unsigned long (sizes, counts), decimal
  Hex,        // %#lx; 0 prints as 0
  Ptr,        // NULL or 0x...
  Fd,         // int fd; with -y, fd<path>
  DirFd,      // AT_FDCWD or an fd
  Path,       // NUL-terminated path in tracee memory, printed whole
  Str,        // NUL-terminated string, limited by -s
  Mode,       // mode_t in octal, 0%03o
  Pid,        // pid_t, decimal: a process or thread (1234<comm> under -Y)
  Pgid,       // pid_t, decimal: a process group (never a name under -Y)
  Uid,        // uid_t/gid_t: decimal, (unsigned)-1 prints as -1
  Signo,      // signal number: SIGxxx
  OpenFlags,  // O_* flags
  AtFlags,    // AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH|...
  BufIn,      // input buffer; its length is the next argument; -s limited
  BufOutRet,  // output buffer; valid length is the return value; at exit
  Clockid,    // CLOCK_REALTIME, ...
  Argv,       // NULL-terminated array of strings (execve's argv)
  Envp,       // NULL-terminated array of strings, counted unless -v
  IovIn,      // struct iovec array, count in the next argument; data read by the call
  IovOutRet,  // struct iovec array, count in the next argument; the return value
              // is the length of the data written into it; at exit
  EpollRet,   // struct epoll_event array; the return value counts the events; at exit
  MsgIn,      // struct msghdr: its address, iovecs and their data, control buffer
  MsgOutRet,  // the same filled by the call: the return value is the data's length; at exit
  Set,        // a flags word or a named constant: the set arg_sets.def gives the argument
  // An address strace prints as a number without reading what it points to
  // (shmat's shmaddr, set_tid_address's tidptr): decoded as strace decodes it.
  Addr,       // NULL or 0x...
  AddrHex,    // 0 or 0x...
  Struct,     // a pointer to a struct structs.def describes, in or out (ARG_STRUCT)
  Dev,        // a 32-bit device number (the kernel's `unsigned dev`): makedev(major, minor)
  DirentsRet, // getdents' buffer: entries chained by d_reclen, the return value's
              // bytes of them; at exit
};

// The flag and constant sets of arg_sets.def; None for an argument without
// one. Its names are in arg_set_ids.hpp, included only where a set is named,
// so that adding a set rebuilds only those files.
enum class ArgSet : uint8_t;

struct ArgSetInfo {
  std::string_view name;     // the set's id
  bool flags;                // Flags (bits joined by '|') or Const (one name)
  std::string_view header;   // the header its names come from
  std::string_view unknown;  // the comment after a value with no name: "LOCK_???"
};
// The set's kind, header and comment (the values are core's: core/arg_sets.hpp).
const ArgSetInfo& arg_set_info(ArgSet s);

enum class Dec : uint8_t { Generic, Custom };


// Where a row's kernel prototype (x86_64_args.def) comes from.
enum class Proto : uint8_t {
  Event,  // the kernel's trace event sys_enter_<event>
  Doc,    // no event on the generating kernel: tools/syscall_args_extra.txt
  None,   // no kernel implementation (sys_ni_syscall): names and types unknown
};

struct SyscallInfo {
  int nr;
  std::string_view name;
  uint8_t nargs;  // the arguments strace prints (see kernel_nargs)
  uint32_t classes;
  Ret ret;
  Dec dec;
  std::array<ArgT, 6> args;  // how each argument prints
  // The kernel's prototype: argument names and C types, from x86_64_args.def.
  Proto proto = Proto::None;
  std::string_view proto_source;  // the event's name, or why there is none
  uint8_t kernel_nargs = 0;
  std::array<KernelArg, 6> kargs = {};
  std::array<ArgSet, 6> sets = {};  // each Set argument's set (arg_sets.def)
  // Each Struct argument's struct and direction (structs.def).
  std::array<StructId, 6> structs = {};
  std::array<Dir, 6> dirs = {};
  // An array's element count: an argument's index, kCountRet, or kCountNone.
  std::array<int8_t, 6> counts = {kCountNone, kCountNone, kCountNone, kCountNone, kCountNone, kCountNone};
};

// Argument i as the kernel declares it, or nullptr when the kernel's
// prototype has fewer arguments (or none is known).
inline const KernelArg* kernel_arg(const SyscallInfo& s, int i) {
  return i >= 0 && i < s.kernel_nargs ? &s.kargs[static_cast<size_t>(i)] : nullptr;
}

// Whether the row has role (or class) `r`; false for unknown calls.
inline bool has_role(const SyscallInfo* s, TraceClass r) { return s && (s->classes & r); }
// How many low bits of argument i's register the kernel reads: its C type's
// width (int: 32, umode_t: 16), or 64 when the prototype is unknown.
inline unsigned kernel_bits(const SyscallInfo& s, int i) {
  const KernelArg* k = kernel_arg(s, i);
  return k ? k->type.bits : 64;
}

// The name of the i-th argument as strace prints the call: the kernel's
// name, except that a 64-bit value the kernel takes in two halves (pos_l,
// pos_h of preadv) is one argument named for both (pos). Empty past the
// prototype.
std::string_view arg_name(const SyscallInfo& s, int i);

// The index of the first Path argument, or -1.
int path_arg(const SyscallInfo& s);

// The row for `nr`, or nullptr for numbers the table does not know.
const SyscallInfo* syscall_by_nr(long nr);
// The row for `name`, or nullptr.
const SyscallInfo* syscall_by_name(std::string_view name);
// Every row, in number order.
const SyscallInfo* syscalls_begin();
const SyscallInfo* syscalls_end();

}  // namespace sct
