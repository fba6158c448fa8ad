// --json: JSON Lines, one record per syscall, signal, exit, exec, attach,
// detach and lost-events marker, then the summary with -c/-C. The schema is
// docs/sctrace-events.schema.json; docs/json.md explains it.
#pragma once

#include <sys/types.h>

#include <map>
#include <string>

#include "cli/options.hpp"
#include "core/event.hpp"
#include "core/output.hpp"
#include "sink/summary_sink.hpp"

namespace sct {

inline constexpr int kJsonSchemaVersion = 1;

class JsonSink : public Sink {
 public:
  // `ebpf`: which engine produced the events (the header says so).
  JsonSink(const Options& opts, Output& out, bool ebpf = false);
  void on_event(const Event& e) override;
  void flush() override { out_.flush(); }
  bool failed() const override { return out_.failed(); }
  // The -c/-C table as a record, rows in the table's order.
  void write_summary(const SummarySink& summary);

 private:
  void begin(std::string& r, const char* type, const Event& e);
  void end(std::string& r);
  void syscall(const Event& e);

  const Options& opts_;
  Output& out_;
  std::map<pid_t, int64_t> entry_ns_;  // wall time of each thread's call in progress
};

}  // namespace sct
