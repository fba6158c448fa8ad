// The eBPF engine's -c: counters kept in the kernel, nothing streamed per
// call. The full trace is the StreamTracer's.
#pragma once

#include <sys/types.h>

#include <string>

#include "cli/options.hpp"
#include "sink/summary_sink.hpp"

struct summary_bpf;

namespace sct {

// Whether the eBPF engine can run here with these options; when not, `why`
// says so in a line fit for "sctrace: ...".
bool ebpf_supports(const Options& opts, std::string& why);
// Whether counters in the kernel answer everything asked (-c alone).
bool ebpf_counts_only(const Options& opts);

class EbpfTracer {
 public:
  EbpfTracer(const Options& opts, SummarySink& summary) : opts_(opts), summary_(summary) {}
  ~EbpfTracer();
  EbpfTracer(const EbpfTracer&) = delete;
  EbpfTracer& operator=(const EbpfTracer&) = delete;

  // Loads and attaches the programs, then starts the command or adds the
  // -p threads. Returns an error message or empty.
  std::string start();
  // Waits until the traced processes are gone (or a termination signal),
  // then fills the summary. Returns the started command's exit status.
  int run();
  int fatal_signal() const { return fatal_signal_; }
  // Nothing is written while it counts.
  bool output_failed() const { return false; }

 private:
  // The programs loaded and attached, the -p threads added.
  std::string load();
  void collect();

  const Options& opts_;
  SummarySink& summary_;
  summary_bpf* skel_ = nullptr;
  pid_t child_ = 0;
  int exit_status_ = 0;
  int fatal_signal_ = 0;
};

}  // namespace sct
