// One trace session: what the engines saw (RawEvents) becomes what the sinks
// show (Events). The session keeps each thread's call in progress and the
// rules of its life (a call that never returns, a thread superseded by
// another's execve), the descriptor table for -y, the -e trace= and -P
// filters, and runs the decoders. Every engine goes through it, so nothing
// here is written once per engine.
#pragma once

#include <sys/types.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "core/call.hpp"
#include "core/decode_options.hpp"
#include "core/event.hpp"
#include "core/raw_event.hpp"
#include "filter/filter_options.hpp"
#include "filter/path_filter.hpp"
#include "session/fd_table.hpp"

namespace sct {

struct SessionConfig {
  DecodeOptions decode;  // -s capped at what the engine can show
  FilterOptions filter;  // -e trace=, -P
  // Whether the sinks need arguments decoded; -c alone needs only the
  // number and the outcome, and is cheaper without reading tracee memory.
  bool decode_args = true;
  // Keep the descriptor table: the engine decodes after the fact (eBPF), so
  // /proc no longer tells what a descriptor was, and -y or -P asks.
  bool track_fds = false;
  unsigned quiet_mask = 0;  // kQuiet* bits
};

class Session : public RawEventSink {
 public:
  Session(SessionConfig cfg, Sink& sink) : cfg_(std::move(cfg)), sink_(sink) {}

  // Resolves the -P paths; returns what strace says of them ("Requested
  // path ... resolved into ..."), for main to print (none under -qqq).
  std::vector<std::string> prepare();

  void on_raw(const RawEvent& e) override;
  void flush() override { sink_.flush(); }
  bool failed() const override { return sink_.failed(); }

  // The call thread `tid` is in now, as far as the trace has seen, or null.
  const DecodedCall* current_call(pid_t tid) const;
  const FdTable& fds() const { return fds_; }

 private:
  struct Thread {
    pid_t tgid = 0;
    bool in_call = false;
    bool traced = false;  // the call passed the filters: its lines are shown
    DecodedCall call;
    timespec entry_mono{};
    int64_t entry_cpu_ns = 0;
  };

  void on_entry(const RawEvent& e);
  void on_exit(const RawEvent& e);
  bool touches_traced_fd(const DecodedCall& c) const;
  void on_exec(const RawEvent& e);
  void on_task_exit(const RawEvent& e);
  // The thread's call in progress ends without returning: "= ?".
  void end_unreturned(const Thread& t, const RawEvent& e);
  // The table follows calls that close, duplicate or return descriptors.
  void track_fds(const Thread& t, const RawEvent& e, Memory& mem);
  Event make_event(Event::Kind k, const RawEvent& e) const;

  const SessionConfig cfg_;
  Sink& sink_;
  PathFilter paths_;
  std::unordered_map<pid_t, Thread> threads_;
  FdTable fds_;
};

}  // namespace sct
