#include "diagnose/report.hpp"

#include <algorithm>
#include <ctime>

#include <fmt/format.h>

#include "sink/json_value.hpp"

namespace sct {

namespace {

const char* state_name(char s) {
  switch (s) {
    case 'R': return "running";
    case 'S': return "sleeping";
    case 'D': return "disk sleep";
    case 'T': return "stopped";
    case 't': return "tracing stop";
    case 'Z': return "zombie";
    case 'X': return "dead";
    case 'I': return "idle";
    default: return "unknown";
  }
}

// The subjects, then the other threads the findings name, each once.
std::vector<pid_t> shown_threads(const std::vector<Finding>& findings, const std::vector<pid_t>& subjects) {
  std::vector<pid_t> out = subjects;
  for (const Finding& f : findings)
    for (pid_t t : f.threads)
      if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  return out;
}

void thread_text(std::string& out, const WaitGraph& g, const ThreadInfo& t) {
  const ThreadSnapshot& s = t.snap;
  out += fmt::format("\nthread {} ({}) of process {}: {} ({})", s.tid, s.comm, s.tgid, s.state, state_name(s.state));
  if (s.off_cpu_ns && s.state != 'R') out += ", off CPU for " + duration_text(*s.off_cpu_ns);
  out += '\n';
  if (t.has_call) out += "  call:         " + t.call.text + "\n";
  else if (s.where == ThreadSnapshot::Where::Running) out += "  call:         (running)\n";
  else if (s.where == ThreadSnapshot::Where::OutsideCall) out += "  call:         (none: blocked outside a system call)\n";
  if (!t.pc_symbol.empty()) out += fmt::format("  at:           {:#x} {}\n", s.pc, t.pc_symbol);
  if (!t.wait.kind.empty()) {
    const std::string& head = t.wait.phrase.empty() ? t.wait.object : t.wait.phrase;
    out += "  why:          " + head;
    for (size_t i = 0; i < t.wait.targets.size(); ++i) {
      if (i == 8) {
        out += fmt::format(", ... ({} threads)", t.wait.targets.size());
        break;
      }
      const ThreadInfo* x = g.thread(t.wait.targets[i]);
      out += fmt::format("{} {}", i ? "," : "", t.wait.targets[i]);
      if (x) out += fmt::format(" ({}, {})", x->snap.comm, x->snap.state);
    }
    if (t.wait.bounded && t.wait.kind != "sleep") out += " (with a timeout)";
    if (!t.wait.note.empty())
      out += (head.empty() ? "" : t.wait.targets.empty() && t.wait.phrase.empty() ? ": " : "; ") + t.wait.note;
    for (size_t i = 0; i < t.wait.unread.size(); ++i)
      out += fmt::format("{}{}", i ? ", " : "; and process(es) that could not be read: ", t.wait.unread[i]);
    out += '\n';
  }
  if (t.stack_asked) {
    if (!t.user_stack_error.empty()) {
      out += "  user stack:   " + t.user_stack_error + "\n";
    } else {
      out += fmt::format("  user stack (stopped for {}):\n", duration_text(t.stopped_ns));
      for (const std::string& f : t.user_stack) out += "    " + f + "\n";
    }
  }
  if (s.tracer_pid) out += fmt::format("  tracer:       {}\n", s.tracer_pid);
  if (!s.wchan.empty()) out += "  wchan:        " + s.wchan + "\n";
  if (!s.stack_error.empty()) {
    out += "  kernel stack: " + s.stack_error + "\n";
  } else if (!s.kernel_stack.empty()) {
    out += "  kernel stack:\n";
    for (const std::string& f : s.kernel_stack) out += "    " + f + "\n";
  }
}

void json_pids(std::string& out, const std::vector<pid_t>& pids) {
  out += '[';
  for (size_t i = 0; i < pids.size(); ++i) out += fmt::format("{}{}", i ? "," : "", pids[i]);
  out += ']';
}

void json_field(std::string& out, const char* key, const std::string& value) {
  out += fmt::format(",\"{}\":", key);
  json_string(out, value);
}

}  // namespace

std::string report_text(const WaitGraph& g, const std::vector<Finding>& findings, const std::vector<pid_t>& subjects) {
  std::string out;
  for (const Finding& f : findings) out += f.kind + ": " + f.text + "\n";
  for (pid_t tid : shown_threads(findings, subjects))
    if (const ThreadInfo* t = g.thread(tid)) thread_text(out, g, *t);
  if (int n = g.unreadable_processes())
    out += fmt::format("\nnote: the descriptors of {} process(es) could not be read: other ends may be missing\n", n);
  return out;
}

std::string report_json(const WaitGraph& g, const std::vector<Finding>& findings, const std::vector<pid_t>& subjects) {
  std::string out;
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  out += fmt::format("{{\"type\":\"why_stuck\",\"schema\":\"sctrace.why_stuck\",\"version\":{},\"time\":{}.{:09},"
                     "\"subjects\":",
                     kWhyStuckSchemaVersion, now.tv_sec, now.tv_nsec);
  json_pids(out, subjects);
  out += fmt::format(",\"unreadable_processes\":{}}}\n", g.unreadable_processes());
  for (const Finding& f : findings) {
    out += "{\"type\":\"finding\"";
    json_field(out, "kind", f.kind);
    json_field(out, "text", f.text);
    out += ",\"threads\":";
    json_pids(out, f.threads);
    out += "}\n";
  }
  for (pid_t tid : shown_threads(findings, subjects)) {
    const ThreadInfo* t = g.thread(tid);
    if (!t) continue;
    const ThreadSnapshot& s = t->snap;
    out += fmt::format("{{\"type\":\"thread\",\"tid\":{},\"pid\":{}", s.tid, s.tgid);
    json_field(out, "comm", s.comm);
    json_field(out, "state", std::string(1, s.state));
    if (s.off_cpu_ns) out += fmt::format(",\"off_cpu_ns\":{}", *s.off_cpu_ns);
    out += fmt::format(",\"cpu_ns\":{},\"voluntary_switches\":{},\"tracer_pid\":{}", s.cpu_ns, s.voluntary_switches,
                       s.tracer_pid);
    if (t->has_call) {
      out += ",\"syscall\":{";
      out += fmt::format("\"nr\":{}", s.nr);
      if (t->call.call.info) json_field(out, "name", std::string(t->call.call.info->name));
      json_field(out, "text", t->call.text);
      out += ",\"args\":";
      json_args(out, t->call.call);
      out += "}";
    }
    if (s.where != ThreadSnapshot::Where::Unknown && s.where != ThreadSnapshot::Where::Running) {
      out += fmt::format(",\"pc\":\"{:#x}\"", s.pc);
      json_field(out, "pc_symbol", t->pc_symbol);
    }
    json_field(out, "wchan", s.wchan);
    if (!s.stack_error.empty()) {
      json_field(out, "kernel_stack_error", s.stack_error);
    } else {
      out += ",\"kernel_stack\":[";
      for (size_t i = 0; i < s.kernel_stack.size(); ++i) {
        if (i) out += ',';
        json_string(out, s.kernel_stack[i]);
      }
      out += ']';
    }
    if (t->stack_asked) {
      out += ",\"user_stack\":{";
      if (!t->user_stack_error.empty()) {
        out += "\"error\":";
        json_string(out, t->user_stack_error);
      } else {
        out += fmt::format("\"stopped_ns\":{},\"frames\":[", t->stopped_ns);
        for (size_t i = 0; i < t->user_stack.size(); ++i) {
          if (i) out += ',';
          json_string(out, t->user_stack[i]);
        }
        out += ']';
      }
      out += '}';
    }
    if (!t->wait.kind.empty()) {
      out += ",\"wait\":{";
      out += "\"kind\":";
      json_string(out, t->wait.kind);
      json_field(out, "object", t->wait.object);
      out += ",\"targets\":";
      json_pids(out, t->wait.targets);
      out += fmt::format(",\"bounded\":{}", t->wait.bounded ? "true" : "false");
      if (t->wait.total_ns >= 0) out += fmt::format(",\"total_ns\":{}", t->wait.total_ns);
      if (t->wait.left_ns >= 0) out += fmt::format(",\"left_ns\":{}", t->wait.left_ns);
      if (!t->wait.note.empty()) json_field(out, "note", t->wait.note);
      if (!t->wait.unread.empty()) {
        out += ",\"unread\":";
        json_pids(out, t->wait.unread);
      }
      out += "}";
    }
    out += "}\n";
  }
  return out;
}

}  // namespace sct
