// --perfetto: the Chrome trace-event JSON that ui.perfetto.dev and
// chrome://tracing open. A track per thread; on it, a slice per program the
// thread ran (from its start or execve to its exit) with a slice per syscall
// nested inside; instants for signals and exits; a flow arrow from each
// fork/clone to the child's first syscall.
#pragma once

#include <sys/types.h>

#include <map>
#include <set>
#include <string>

#include "core/event.hpp"
#include "core/output.hpp"

namespace sct {

class PerfettoSink : public Sink {
 public:
  explicit PerfettoSink(Output& out);
  void on_event(const Event& e) override;
  void flush() override { out_.flush(); }
  bool failed() const override { return out_.failed(); }
  // Closes the slices still open and the JSON document.
  void finish();

 private:
  struct Thread {
    pid_t pid = 0;
    std::string program;  // what the program slice is called
    int64_t program_start = -1;
    int64_t entry = -1;   // the call in progress
    int64_t last = 0;     // latest time seen
  };
  Thread& thread(const Event& e);
  int64_t us_ns(const timespec& t);  // ns since the trace began
  void emit(const std::string& record);
  void end_program(pid_t tid, Thread& t, int64_t at);
  void name_process(pid_t pid, pid_t tid, const std::string& name);

  Output& out_;
  bool first_ = true;
  bool finished_ = false;
  int64_t origin_ = -1;
  std::map<pid_t, Thread> threads_;
  std::set<pid_t> pending_flows_;  // children whose arrow still needs its end
  std::map<pid_t, int64_t> first_slice_;  // each thread's first syscall
};

}  // namespace sct
