#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sct {

// -X: how a named constant or a set of flags is shown.
enum class XlatStyle : uint8_t {
  Abbrev,   // O_RDONLY|O_CLOEXEC (strace's default)
  Raw,      // 0x80000: the number only
  Verbose,  // 0x80000 /* O_RDONLY|O_CLOEXEC */
};

// What --decode-fds= shows of a descriptor (strace 6.1's names).
enum FdDetail : unsigned {
  kFdPath = 1u << 0,    // path: the file's path (-y)
  kFdSocket = 1u << 1,  // socket: its protocol and endpoints, from sock_diag
  kFdDev = 1u << 2,     // dev: <char M:m> / <block M:m> after a device's path
  kFdPidfd = 1u << 3,   // pidfd: pid:N for a pidfd
  kFdAll = (1u << 4) - 1,  // -yy
};

// A set of descriptors (-e read=, -e write=): a list, or all but a list.
struct FdSet {
  bool invert = false;  // "all", "!3": every descriptor but those listed
  std::vector<int> fds;
  bool contains(long fd) const {
    bool in = std::find(fds.begin(), fds.end(), fd) != fds.end();
    return fd >= 0 && in != invert;
  }
  bool any() const { return invert || !fds.empty(); }
};

// What decoders need to know of the command line. Some of it is per call
// (-e abbrev=, -e verbose=, -e raw=): filter/call_options.hpp resolves it for
// one syscall.
struct DecodeOptions {
  size_t max_strlen = 32;  // -s
  int xflag = 0;           // -x: 1, -xx: 2
  bool verbose = false;    // -v, -e abbrev=: no abbreviation of structs and arrays
  unsigned decode_fds = 0;  // FdDetail bits: -y path, -yy all
  // -Y / --decode-pids=comm,pidns
  bool pid_comm = false;   // 1234<comm>
  bool pidns = false;      // 2 /* 1234 in strace's PID NS */
  FdSet read_data;   // -e read=: dump what calls read from these
  FdSet write_data;  // -e write=: dump what calls write to these
  // Output controls of the value renderer (-X, -e verbose=, -e raw=, -N).
  XlatStyle xlat = XlatStyle::Abbrev;  // -X
  // strace's -e verbose=: what pointers point to is read and shown; off, a
  // struct or an array argument is shown as its address.
  bool structs = true;
  bool raw = false;        // -e raw=: the call's arguments undecoded, in hex
  bool arg_names = false;  // -N: each argument after its name, "flags=O_RDONLY"
};

}  // namespace sct
