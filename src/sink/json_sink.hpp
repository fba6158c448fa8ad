// --json: JSON Lines, one record per syscall, signal, exit, exec, attach,
// detach and lost-events marker, then the summary with -c/-C. The schema is
// docs/sctrace-events.schema.json; docs/json.md explains it.
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "core/output.hpp"
#include "filter/filter_options.hpp"
#include "sink/summary_sink.hpp"

namespace sct {

inline constexpr int kJsonSchemaVersion = 4;

// What the JSON sink needs to know of the command line.
struct JsonConfig {
  std::vector<std::string> command;  // PROG [ARGS], for the header
  std::vector<pid_t> attach;         // -p, for the header
  bool ebpf = false;                 // which engine produced the events
  int summary = 0;                   // -c: 1 (the summary record only), -C: 2
  bool summary_wall = false;         // -w
  FilterOptions filter;              // -e status=, signal=
};

class JsonSink : public Sink {
 public:
  JsonSink(JsonConfig cfg, Output& out);
  void on_event(const Event& e) override;
  void flush() override { out_.flush(); }
  bool failed() const override { return out_.failed(); }
  // The -c/-C table as a record, rows in the table's order.
  void write_summary(const SummarySink& summary);

 private:
  void begin(std::string& r, const char* type, const Event& e);
  void end(std::string& r);
  void syscall(const Event& e);

  const JsonConfig opts_;
  Output& out_;
  std::map<pid_t, int64_t> entry_ns_;  // wall time of each thread's call in progress
};

}  // namespace sct
