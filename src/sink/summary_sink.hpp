// The -c/-C summary: calls, errors and time per syscall, as strace's table.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/call_counts.hpp"
#include "core/event.hpp"
#include "core/output.hpp"

namespace sct {

bool valid_sort_key(const std::string& key);
// -U: a comma-separated list of column names; `bad` gets the first unknown one.
bool parse_columns(const std::string& spec, std::vector<std::string>& out, std::string& bad);

// What the summary needs to know of the command line.
struct SummaryConfig {
  std::string sort_by = "time";      // -S
  std::vector<std::string> columns;  // -U
  bool summary_wall = false;         // -w
  int64_t overhead_ns = 0;           // -O: taken off each call's time
};

class SummarySink : public Sink {
 public:
  SummarySink(SummaryConfig cfg, Output& out) : opts_(std::move(cfg)), out_(out) {}
  void on_event(const Event& e) override;
  void flush() override { out_.flush(); }
  // Writes the table (at the end of tracing).
  void print();

  using Row = CallCounts;
  const std::map<std::string, Row>& rows() const { return rows_; }
  // In the order of -S, as the table shows them.
  std::vector<std::pair<std::string, Row>> sorted_rows() const;
  Row total() const;

 private:
  const SummaryConfig opts_;
  Output& out_;
  std::map<std::string, Row> rows_;
  // Each row's syscall number: strace lists rows of equal rank in number order.
  std::map<std::string, long> numbers_;
};

}  // namespace sct
