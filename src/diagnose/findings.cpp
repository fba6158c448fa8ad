#include "diagnose/findings.hpp"

#include <algorithm>
#include <csignal>
#include <set>

#include <fmt/format.h>

#include "engine/snapshot/proc_files.hpp"

namespace sct {

namespace {

// Threads that wait only on threads that wait only on ... each other: the
// greatest set whose members all have an unbounded wait whose every target
// is in the set. A wait that any of several threads can end (a pipe held by
// a process of many threads) is in a deadlock only if all of them are.
std::set<pid_t> deadlocked(const WaitGraph& g, const std::vector<pid_t>& all) {
  std::set<pid_t> in;
  for (pid_t tid : all) {
    const ThreadInfo* t = g.thread(tid);
    if (t && !t->wait.targets.empty() && !t->wait.bounded && t->wait.unread.empty() && t->snap.state != 'R')
      in.insert(tid);
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (auto it = in.begin(); it != in.end();) {
      const ThreadInfo* t = g.thread(*it);
      bool stays = std::all_of(t->wait.targets.begin(), t->wait.targets.end(), [&](pid_t x) { return in.count(x); });
      if (stays) {
        ++it;
      } else {
        it = in.erase(it);
        changed = true;
      }
    }
  }
  return in;
}

// Among the threads a wait can be ended by, the one that says most about
// why it is not: one stopped, in D, or itself waiting, before one running.
pid_t pick_target(const WaitGraph& g, const std::vector<pid_t>& targets, const std::set<pid_t>& prefer) {
  auto rank = [&](pid_t tid) {
    const ThreadInfo* t = g.thread(tid);
    if (!t) return 9;
    if (prefer.count(tid)) return 0;
    if (t->snap.state == 'T' || t->snap.state == 't') return 1;
    if (t->snap.state == 'D') return 2;
    if (!t->wait.targets.empty()) return 3;
    if (t->has_call) return 4;
    return 5;
  };
  return *std::min_element(targets.begin(), targets.end(), [&](pid_t a, pid_t b) { return rank(a) < rank(b); });
}

// A thread as a chain names it: with its command when it is the first or in
// another process than the thread before it.
std::string who(const WaitGraph& g, pid_t tid, pid_t prev_tgid = 0) {
  const ThreadInfo* t = g.thread(tid);
  if (!t) return std::to_string(tid);
  if (t->snap.tgid == prev_tgid) return std::to_string(tid);
  if (t->snap.tid == t->snap.tgid) return fmt::format("{} ({})", tid, t->snap.comm);
  return fmt::format("{} ({}, of process {})", tid, t->snap.comm, t->snap.tgid);
}

std::string unread_text(const Wait& w) {
  std::string out = " (and process";
  if (w.unread.size() > 1) out += "es";
  for (size_t i = 0; i < w.unread.size(); ++i) out += fmt::format("{}{}", i ? ", " : " ", w.unread[i]);
  return out + ", which could not be read)";
}

std::string others(const Wait& w) {
  std::string out = w.targets.size() > 1 ? fmt::format(" (or one of {} other threads)", w.targets.size() - 1) : "";
  return w.unread.empty() ? out : out + unread_text(w);
}

std::string call_name_of(const ThreadInfo& t) {
  return t.has_call && t.call.call.info ? std::string(t.call.call.info->name) : "its call";
}

std::string off_cpu(const ThreadInfo& t) {
  return t.snap.off_cpu_ns ? " for " + duration_text(*t.snap.off_cpu_ns) : "";
}

int order(const std::string& kind) {
  static const char* const kOrder[] = {"deadlock", "blocked", "D state", "stopped", "zombie",
                                       "waiting",  "sleeping", "running"};
  for (int i = 0; i < 8; ++i)
    if (kind == kOrder[i]) return i;
  return 8;
}

}  // namespace

std::string duration_text(int64_t ns) {
  if (ns >= 1000000000LL) return fmt::format("{:.1f} s", static_cast<double>(ns) / 1e9);
  if (ns >= 1000000) return fmt::format("{} ms", ns / 1000000);
  return fmt::format("{} us", ns / 1000);
}

std::string stop_text(const ThreadSnapshot& t) {
  // /proc does not say which stop signal stopped a thread. SIGSTOP cannot
  // be caught or ignored; when the other three are, it was SIGSTOP.
  auto handled = [&](int sig) { return ((t.sig_caught | t.sig_ignored) >> (sig - 1)) & 1; };
  if (handled(SIGTSTP) && handled(SIGTTIN) && handled(SIGTTOU)) return "stopped (SIGSTOP)";
  return "stopped (SIGSTOP or SIGTSTP/SIGTTIN/SIGTTOU)";
}

std::string state_text(const ThreadInfo& t) {
  const ThreadSnapshot& s = t.snap;
  switch (s.state) {
    case 'R': return "is running";
    case 'Z':
    case 'X': return "has exited (a zombie, not yet reaped)";
    case 'T': return "is " + stop_text(s);
    case 't': {
      std::string tracer = std::to_string(s.tracer_pid);
      std::string comm;
      if (!read_text("/proc/" + tracer + "/comm", comm) && !comm.empty()) {
        if (comm.back() == '\n') comm.pop_back();
        tracer += " (" + comm + ")";
      }
      return "is stopped by its tracer " + tracer;
    }
    case 'D':
      return fmt::format("is in uninterruptible sleep (D) in {}{}", s.wchan.empty() ? "the kernel" : s.wchan,
                         off_cpu(t));
    default: break;
  }
  if (t.wait.kind == "sleep") {
    if (t.wait.total_ns >= 0 && s.off_cpu_ns)
      return fmt::format("sleeps in {} for {} of {}", call_name_of(t), duration_text(*s.off_cpu_ns),
                         duration_text(t.wait.total_ns));
    if (t.wait.left_ns >= 0)
      return fmt::format("sleeps in {}{}, {} left", call_name_of(t), off_cpu(t), duration_text(t.wait.left_ns));
    return fmt::format("sleeps in {}{}", call_name_of(t), off_cpu(t));
  }
  if (t.has_call) {
    std::string out = fmt::format("is in {}{}", t.call.text, off_cpu(t));
    if (!t.wait.note.empty()) out += " (" + t.wait.note + ")";
    if (!t.wait.unread.empty()) out += unread_text(t.wait);
    return out;
  }
  return fmt::format("is sleeping outside any call{}{}", s.wchan.empty() ? "" : " in " + s.wchan, off_cpu(t));
}

std::vector<Finding> find_causes(const WaitGraph& g, const std::vector<pid_t>& subjects) {
  // Every thread read, not only the subjects: a cycle may pass through
  // another process.
  std::vector<pid_t> all;
  for (pid_t s : subjects) all.push_back(s);
  std::set<pid_t> seen(all.begin(), all.end());
  for (size_t i = 0; i < all.size(); ++i) {
    const ThreadInfo* t = g.thread(all[i]);
    if (!t) continue;
    for (pid_t x : t->wait.targets)
      if (seen.insert(x).second) all.push_back(x);
  }
  const std::set<pid_t> dead = deadlocked(g, all);
  std::vector<Finding> out;
  std::set<pid_t> reported;  // subjects already in a finding
  std::set<pid_t> on_cycles;
  for (pid_t s : subjects) {
    if (reported.count(s)) continue;
    const ThreadInfo* t = g.thread(s);
    if (!t) continue;
    Finding f;
    if (dead.count(s)) {
      // Follow the waits inside the set until a thread repeats: the cycle.
      std::vector<pid_t> path;
      pid_t cur = s;
      while (std::find(path.begin(), path.end(), cur) == path.end()) {
        path.push_back(cur);
        cur = pick_target(g, g.thread(cur)->wait.targets, dead);
      }
      auto start = std::find(path.begin(), path.end(), cur);
      std::vector<pid_t> cycle(start, path.end());
      if (!on_cycles.count(cycle.front())) {
        std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
        Finding d;
        d.kind = "deadlock";
        d.threads = cycle;
        d.text = "thread " + who(g, cycle[0]);
        for (size_t i = 0; i < cycle.size(); ++i) {
          const ThreadInfo* c = g.thread(cycle[i]);
          if (i) d.text += ", which";
          d.text += " " + c->wait.phrase + " " + who(g, cycle[(i + 1) % cycle.size()], c->snap.tgid);
        }
        for (pid_t c : cycle) {
          on_cycles.insert(c);
          reported.insert(c);
        }
        out.push_back(std::move(d));
      }
      if (reported.count(s)) continue;
      // Waiting on the cycle without being part of it.
      f.kind = "blocked";
      f.threads = path;
      f.text = who(g, s);
      for (size_t i = 0; i + 1 < path.size(); ++i) {
        const ThreadInfo* c = g.thread(path[i]);
        const pid_t next = path[i + 1];
        if (i) f.text += ", which";
        f.text += " " + c->wait.phrase + " " + who(g, next, c->snap.tgid);
        if (on_cycles.count(next)) break;
      }
      f.text += ", which is in the deadlock above";
    } else if (t->snap.state == 'D' && t->wait.targets.empty()) {
      f.kind = "D state";
      f.threads = {s};
      f.text = fmt::format("{} in {}{}", who(g, s), t->snap.wchan.empty() ? "the kernel" : t->snap.wchan, off_cpu(*t));
      if (t->has_call) f.text += ", in " + t->call.text;
    } else if (t->snap.state == 'T' || t->snap.state == 't') {
      f.kind = "stopped";
      f.threads = {s};
      f.text = who(g, s) + " " + state_text(*t);
    } else if (t->snap.state == 'Z' || t->snap.state == 'X') {
      f.kind = "zombie";
      f.threads = {s};
      f.text = who(g, s) + " " + state_text(*t);
    } else if (!t->wait.targets.empty() && t->snap.state != 'R') {
      f.kind = t->wait.bounded ? "waiting" : "blocked";
      f.text = who(g, s);
      f.threads = {s};
      pid_t cur = s;
      for (;;) {
        const ThreadInfo* c = g.thread(cur);
        pid_t next = pick_target(g, c->wait.targets, {});
        f.text += (cur == s ? " " : ", which ") + c->wait.phrase + " " + who(g, next, c->snap.tgid) + others(c->wait);
        if (c->wait.bounded && cur == s) f.text += " (with a timeout)";
        const ThreadInfo* n = g.thread(next);
        if (!n || std::find(f.threads.begin(), f.threads.end(), next) != f.threads.end()) {
          f.threads.push_back(next);
          break;
        }
        f.threads.push_back(next);
        if (n->wait.targets.empty() || n->snap.state == 'T' || n->snap.state == 't' || n->snap.state == 'R') {
          f.text += ", which " + state_text(*n);
          break;
        }
        cur = next;
      }
    } else if (t->wait.kind == "sleep") {
      f.kind = "sleeping";
      f.threads = {s};
      // "sleeping: 4500 (sleep) in nanosleep for 12.3 s of 300.0 s": the
      // chain's "sleeps in ..." without its verb.
      std::string what = state_text(*t);
      if (what.starts_with("sleeps ")) what.erase(0, 7);
      f.text = who(g, s) + " " + what;
    } else if (t->snap.state == 'R') {
      f.kind = "running";
      f.threads = {s};
      f.text = who(g, s) + " is running";
    } else {
      f.kind = "waiting";
      f.threads = {s};
      f.text = who(g, s) + " " + state_text(*t);
    }
    reported.insert(s);
    out.push_back(std::move(f));
  }
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) { return order(a.kind) < order(b.kind); });
  return out;
}

}  // namespace sct
