// The --why-stuck report: the verdict (one line per finding), then each
// thread in detail; as text, or as JSON Lines records (docs/diagnosis.md,
// schema "sctrace.why_stuck" version 1).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "diagnose/findings.hpp"
#include "diagnose/wait_graph.hpp"

namespace sct {

constexpr int kWhyStuckSchemaVersion = 1;

// `subjects`: the threads asked about; the detail also shows every thread
// a finding names.
std::string report_text(const WaitGraph& g, const std::vector<Finding>& findings, const std::vector<pid_t>& subjects);
std::string report_json(const WaitGraph& g, const std::vector<Finding>& findings, const std::vector<pid_t>& subjects);

}  // namespace sct
