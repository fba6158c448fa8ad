// The eBPF engine. Today it answers -c (and -c -w) from counters kept in
// the kernel: the tracee is never stopped and nothing is streamed per call.
// The full trace is still the ptrace engine's (docs/ebpf.md).
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

 private:
  std::string add_thread(pid_t tid, bool hidden);
  bool anything_traced() const;
  void collect();

  const Options& opts_;
  SummarySink& summary_;
  summary_bpf* skel_ = nullptr;
  pid_t child_ = 0;
  int exit_status_ = 0;
  int fatal_signal_ = 0;
};

}  // namespace sct
