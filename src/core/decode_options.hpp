#pragma once

#include <cstddef>

namespace sct {

// What decoders need to know of the command line.
struct DecodeOptions {
  size_t max_strlen = 32;  // -s
  int xflag = 0;           // -x: 1, -xx: 2
  bool verbose = false;    // -v: no abbreviation of structs and arrays
  int decode_fds = 0;      // -y: 1, -yy: 2
  // -Y / --decode-pids=comm,pidns
  bool pid_comm = false;   // 1234<comm>
  bool pidns = false;      // 2 /* 1234 in strace's PID NS */
};

}  // namespace sct
