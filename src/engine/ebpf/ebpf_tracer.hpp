// The eBPF engine's -c: counters kept in the kernel, nothing streamed per
// call; at the end each syscall's totals go to the session as a Counts
// RawEvent, and reach the summary sink as every event does. The full trace
// is the StreamTracer's.
#pragma once

#include <sys/types.h>

#include <string>
#include <utility>

#include "core/raw_event.hpp"
#include "engine/capabilities.hpp"
#include "engine/engine.hpp"
#include "engine/engine_config.hpp"

struct summary_bpf;

namespace sct {

// What the eBPF engine can do here, probed once (BTF, privileges).
const Capabilities& ebpf_capabilities();

class EbpfTracer : public Engine {
 public:
  EbpfTracer(EngineConfig cfg, RawEventSink& sink) : opts_(std::move(cfg)), sink_(sink) {}
  ~EbpfTracer();
  EbpfTracer(const EbpfTracer&) = delete;
  EbpfTracer& operator=(const EbpfTracer&) = delete;

  // Loads and attaches the programs, then starts the command or adds the
  // -p threads. Returns an error message or empty.
  const Capabilities& capabilities() const override { return ebpf_capabilities(); }
  std::string start() override;
  // Waits until the traced processes are gone (or a termination signal),
  // then hands on the counters. Returns the started command's exit status.
  int run() override;
  int fatal_signal() const override { return fatal_signal_; }
  // Nothing is written while it counts.
  bool output_failed() const override { return false; }

 private:
  // The programs loaded and attached, the -p threads added.
  std::string load();
  void collect();

  const EngineConfig opts_;
  RawEventSink& sink_;
  summary_bpf* skel_ = nullptr;
  pid_t child_ = 0;
  int exit_status_ = 0;
  int fatal_signal_ = 0;
};

}  // namespace sct
