// What the -e expressions, -z/-Z, -P and the summary options select.
#pragma once

#include <bitset>
#include <cstdint>
#include <string>
#include <vector>

#include "core/decode_options.hpp"

namespace sct {

constexpr int kMaxSyscall = 1024;
using SyscallSet = std::bitset<kMaxSyscall>;

enum StatusBit : unsigned {
  kStatusSuccessful = 1u << 0,
  kStatusFailed = 1u << 1,
  kStatusUnfinished = 1u << 2,
  kStatusUnavailable = 1u << 3,
  kStatusDetached = 1u << 4,
  kStatusAll = (1u << 5) - 1,
};

enum QuietBit : unsigned {
  kQuietAttach = 1u << 0,
  kQuietExit = 1u << 1,
  kQuietPathResolution = 1u << 2,
  kQuietPersonality = 1u << 3,
  kQuietThreadExecve = 1u << 4,
  kQuietAll = (1u << 5) - 1,
};

struct FilterOptions {
  SyscallSet trace = SyscallSet().set();  // -e trace=
  bool trace_all = true;                  // nothing was left out
  unsigned status = kStatusAll;           // -e status=, -z, -Z
  std::bitset<65> signals = std::bitset<65>().set();  // -e signal=
  std::vector<std::string> paths;         // -P
  // Output controls per syscall (-e abbrev=, -e verbose=, -e raw=; -v is
  // abbrev=none): filter/call_options.hpp applies them to one call.
  SyscallSet abbrev = SyscallSet().set();   // -e abbrev=
  SyscallSet verbose = SyscallSet().set();  // -e verbose=
  SyscallSet raw;                           // -e raw=
  // --trace-fds= (strace 7.x): only calls with a descriptor argument in
  // the set.
  bool fds_active = false;
  FdSet fds;
  bool traces_fd(int64_t fd) const { return fds.contains(fd); }

  // Whether -e trace= selects syscall `nr` (numbers beyond the table's
  // range only when nothing was left out).
  bool traces(long nr) const {
    if (nr < 0 || nr >= kMaxSyscall) return trace_all;
    return trace.test(static_cast<size_t>(nr));
  }
};

}  // namespace sct
