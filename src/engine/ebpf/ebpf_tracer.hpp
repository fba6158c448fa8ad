// The eBPF engine's -c: counters kept in the kernel, nothing streamed per
// call. The full trace is the StreamTracer's.
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <utility>

#include "core/call_counts.hpp"
#include "engine/capabilities.hpp"
#include "engine/engine_config.hpp"

struct summary_bpf;

namespace sct {

// What the eBPF engine can do here, probed once (BTF, privileges).
const Capabilities& ebpf_capabilities();

class EbpfTracer {
 public:
  explicit EbpfTracer(EngineConfig cfg) : opts_(std::move(cfg)) {}
  ~EbpfTracer();
  EbpfTracer(const EbpfTracer&) = delete;
  EbpfTracer& operator=(const EbpfTracer&) = delete;

  // Loads and attaches the programs, then starts the command or adds the
  // -p threads. Returns an error message or empty.
  std::string start();
  // Waits until the traced processes are gone (or a termination signal),
  // then reads the counters. Returns the started command's exit status.
  int run();
  int fatal_signal() const { return fatal_signal_; }
  // Nothing is written while it counts.
  bool output_failed() const { return false; }
  // The counts of each syscall seen, by name, once run() has returned.
  const std::map<std::string, CallCounts>& counts() const { return counts_; }

 private:
  // The programs loaded and attached, the -p threads added.
  std::string load();
  void collect();

  const EngineConfig opts_;
  std::map<std::string, CallCounts> counts_;
  summary_bpf* skel_ = nullptr;
  pid_t child_ = 0;
  int exit_status_ = 0;
  int fatal_signal_ = 0;
};

}  // namespace sct
