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
#include "filter/call_options.hpp"
#include "filter/filter_options.hpp"
#include "filter/inject.hpp"
#include "filter/path_filter.hpp"
#include "session/fd_details.hpp"
#include "session/fd_table.hpp"
#include "session/injector.hpp"

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
  InjectOptions inject;     // -e inject=, -e fault=
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
  // How many -e read=/write= dumps were cut: the engine had copied less
  // than the call moved (the eBPF engine's capture limit).
  size_t cut_dumps() const { return cut_dumps_; }

 private:
  struct Thread {
    pid_t tgid = 0;
    bool in_call = false;
    bool traced = false;  // the call passed the filters: its lines are shown
    DecodedCall call;
    timespec entry_mono{};
    int64_t entry_cpu_ns = 0;
    // -k: the stack unwound at entry (a call that execs or ends the
    // program), printed after its exit line or its "+++ exited".
    UserStack entry_stack;
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
  Event make_event(Event::Kind k, const RawEvent& e, const Thread* t = nullptr) const;
  // Sends a call's event, with the -e status= decision on it.
  void emit_call(Event& ev);
  // -Y: a traced thread's command name, remembered until it execs or exits
  // (an engine that decodes late may find /proc without it by then).
  std::string task_comm(pid_t tid) const;
  bool pids_shown() const { return cfg_.decode.pid_comm || cfg_.decode.pidns; }
  class TableMemory;
  // The sender of a signal (si_pid) as -Y and --decode-pids show pids.
  void describe_sender(Value& siginfo, const RawEvent& e) const;

  const SessionConfig cfg_;
  const bool vary_ = options_vary(cfg_.filter);  // -e abbrev=/verbose=/raw= single calls out
  Sink& sink_;
  PathFilter paths_;
  std::unordered_map<pid_t, Thread> threads_;
  FdTable fds_;
  mutable std::unordered_map<pid_t, std::string> comms_;
  Injector injector_{cfg_.inject};
  mutable FdDetails details_;  // what TableMemory, const, caches
  size_t cut_dumps_ = 0;  // --decode-fds= beyond path: sockets, devices, pidfds
};

}  // namespace sct
