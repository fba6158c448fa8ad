#include "diagnose/why_stuck.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "diagnose/findings.hpp"
#include "diagnose/report.hpp"
#include "diagnose/wait_graph.hpp"

namespace sct {

int why_stuck(const WhyStuckConfig& cfg, std::string* text, std::string* json, std::string& error) {
  WaitGraph g(cfg.decode);
  std::vector<pid_t> pids = cfg.pids;
  std::vector<pid_t> subjects;
  for (size_t i = 0; i < pids.size(); ++i) {
    SnapshotError err;
    if (!g.add(pids[i], err)) {
      // A descendant that exited meanwhile is no longer stuck.
      if (i >= cfg.pids.size() && (err.err == ENOENT || err.err == ESRCH)) continue;
      if (err.err == ENOENT || err.err == ESRCH)
        error = fmt::format("--why-stuck: {}: no such process", pids[i]);
      else if (err.err == EACCES || err.err == EPERM)
        error = fmt::format("--why-stuck: cannot read {}: {} (run as root or as the process's owner)", err.path,
                            strerror(err.err));
      else
        error = fmt::format("--why-stuck: cannot read {}: {}", err.path, strerror(err.err));
      return 1;
    }
    for (pid_t tid : g.threads_of_process(pids[i])) subjects.push_back(tid);
    if (cfg.follow)
      for (pid_t c : g.children_of(pids[i]))
        if (std::find(pids.begin(), pids.end(), c) == pids.end()) pids.push_back(c);
  }
  const std::vector<Finding> findings = find_causes(g, subjects);
  if (text) *text = report_text(g, findings, subjects);
  if (json) *json = report_json(g, findings, subjects);
  return 0;
}

}  // namespace sct
