// sctrace --why-stuck -p PID[,PID...] [-f]: why a process is stuck, from a
// snapshot of /proc and its memory, without stopping it (docs/diagnosis.md).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "core/decode_options.hpp"

namespace sct {

struct WhyStuckConfig {
  std::vector<pid_t> pids;  // -p
  bool follow = false;      // -f: their descendants too
  DecodeOptions decode;     // -s -x -v -y for the calls shown
  // --stacks: each thread asked about is stopped, one at a time, for as
  // long as copying its registers and stack takes (engine/snapshot/user_stack.hpp).
  bool stacks = false;
};

// The report for `cfg`, as text and/or JSON Lines records (either pointer
// may be null) from one snapshot; 0, or 1 with `error` set (one line for
// "sctrace: ...") when a process cannot be read.
int why_stuck(const WhyStuckConfig& cfg, std::string* text, std::string* json, std::string& error);

}  // namespace sct
