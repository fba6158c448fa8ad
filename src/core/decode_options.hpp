#pragma once

#include <cstddef>
#include <cstdint>

namespace sct {

// -X: how a named constant or a set of flags is shown.
enum class XlatStyle : uint8_t {
  Abbrev,   // O_RDONLY|O_CLOEXEC (strace's default)
  Raw,      // 0x80000: the number only
  Verbose,  // 0x80000 /* O_RDONLY|O_CLOEXEC */
};

// What decoders need to know of the command line. Some of it is per call
// (-e abbrev=, -e verbose=, -e raw=): filter/call_options.hpp resolves it for
// one syscall.
struct DecodeOptions {
  size_t max_strlen = 32;  // -s
  int xflag = 0;           // -x: 1, -xx: 2
  bool verbose = false;    // -v, -e abbrev=: no abbreviation of structs and arrays
  int decode_fds = 0;      // -y: 1, -yy: 2
  // Output controls of the value renderer (-X, -e verbose=, -e raw=, -N).
  XlatStyle xlat = XlatStyle::Abbrev;  // -X
  // strace's -e verbose=: what pointers point to is read and shown; off, a
  // struct or an array argument is shown as its address.
  bool structs = true;
  bool raw = false;        // -e raw=: the call's arguments undecoded, in hex
  bool arg_names = false;  // -N: each argument after its name, "flags=O_RDONLY"
};

}  // namespace sct
