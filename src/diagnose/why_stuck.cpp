#include "diagnose/why_stuck.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "diagnose/findings.hpp"
#include "diagnose/report.hpp"
#include "diagnose/wait_graph.hpp"
#include "engine/snapshot/user_stack.hpp"

namespace sct {

namespace {

// Stops each thread in turn, only for the copy; unwinds once all run again.
// A thread already stopped, traced or exited is left as it is.
void copy_user_stacks(WaitGraph& g, const std::vector<pid_t>& subjects) {
  std::vector<StackCopy> copies;
  for (pid_t tid : subjects) {
    ThreadInfo* t = g.thread(tid);
    if (!t) continue;
    t->stack_asked = true;
    const char s = t->snap.state;
    if (s == 'T' || s == 't' || s == 'Z' || s == 'X' || t->snap.tracer_pid) {
      t->user_stack_error = t->snap.tracer_pid ? "traced by another process: not touched" : "not running: not touched";
      continue;
    }
    copies.push_back(copy_user_stack(t->snap.tgid, tid));
  }
  std::map<pid_t, std::unique_ptr<StackUnwinder>> unwinders;
  for (const StackCopy& c : copies) {
    ThreadInfo* t = g.thread(c.tid);
    t->stopped_ns = c.stopped_ns;
    t->user_stack_error = c.error;
    auto& u = unwinders[c.tgid];
    if (!u) u = std::make_unique<StackUnwinder>(c.tgid);
    t->user_stack = u->unwind(c);
  }
}

}  // namespace

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
  if (cfg.stacks) copy_user_stacks(g, subjects);
  const std::vector<Finding> findings = find_causes(g, subjects);
  if (text) *text = report_text(g, findings, subjects);
  if (json) *json = report_json(g, findings, subjects);
  return 0;
}

}  // namespace sct
