// -e inject= / -e fault=: what is done to one call (docs/inject.md). The
// session decides which call is tampered with (it knows -e trace=, -P and
// the counters of when=); an engine that can tamper (Capabilities::inject)
// does it, through the Tamperer it hands the session with each entry.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sct {

// poke_enter= / poke_exit=: bytes written where argument `arg` points.
struct Poke {
  int arg = 0;  // 0-based: strace's @arg1 is 0
  std::string bytes;
};

struct Tampering {
  // error= or retval=: the call is not run (its number becomes -1, or
  // `substitute`, a %pure call) and returns -error or retval instead.
  bool replace = false;
  bool is_error = false;
  uint64_t value = 0;     // the errno (is_error) or the return value
  long substitute = -1;   // syscall=
  int signal = 0;         // signal=: delivered on entering the call
  int64_t delay_enter_ns = -1;  // delay_enter= (-1: none)
  int64_t delay_exit_ns = -1;   // delay_exit=
  std::vector<Poke> poke_enter, poke_exit;

  bool delays() const { return delay_enter_ns >= 0 || delay_exit_ns >= 0; }
};

// What was done to a call, as strace marks its line: "(INJECTED)" for a
// return value, "(INJECTED: args)" for pokes, both "(INJECTED: args,
// retval)"; "(DELAYED)".
enum TamperBit : uint8_t {
  kTamperedReturn = 1u << 0,
  kTamperedArgs = 1u << 1,
  kTamperDelayed = 1u << 2,
  // With kTamperedReturn: the value set is an error (error=). strace shows
  // an injected error as one even for a call that never fails (getpid),
  // and an injected retval= as a success even when it looks like -errno.
  kTamperedError = 1u << 3,
};

// Offered by an engine with each entry it can tamper with; the session calls
// it at most once, before decoding the entry (pokes at entry show in it).
// The engine keeps `t` (it outlives the trace) and does the rest (the
// number, the signal, the delays, the exit) as the call goes on.
class Tamperer {
 public:
  virtual ~Tamperer() = default;
  virtual void tamper(const Tampering& t) = 0;
};

}  // namespace sct
