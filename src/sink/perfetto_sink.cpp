#include "sink/perfetto_sink.hpp"

#include "syscalls/syscall_table.hpp"

#include <cstdio>
#include <fmt/format.h>

#include "core/xlat.hpp"
#include "sink/json_dump.hpp"
#include "sink/json_value.hpp"
#include "sink/stack_text.hpp"
#include "sink/text_format.hpp"

namespace sct {

namespace {

// Trace-event times are microseconds; relative to the first event, three
// decimals keep nanoseconds within a double's precision.
std::string us(int64_t ns) { return fmt::format("{}.{:03}", ns / 1000, ns % 1000); }

// A new thread's name before it calls execve: what the kernel calls it.
std::string comm_of(pid_t tid) {
  std::string name;
  if (FILE* f = fopen(fmt::format("/proc/{}/comm", tid).c_str(), "re")) {
    char buf[64];
    if (fgets(buf, sizeof buf, f)) name = buf;
    fclose(f);
  }
  while (!name.empty() && name.back() == '\n') name.pop_back();
  return name.empty() ? fmt::format("pid {}", tid) : name;
}

std::string basename_of(const Value& v) {
  const Str* s = std::get_if<Str>(&v.v);
  if (!s) return {};
  size_t slash = s->bytes.rfind('/');
  return slash == std::string::npos ? s->bytes : s->bytes.substr(slash + 1);
}

bool creates_task(long nr) { return has_role(syscall_by_nr(nr), RTask); }

// -k: the stack as an argument of the slice or instant, one string a frame
// in the text trace's words, innermost first. The trace-event format's own
// stack fields ("stackFrames", "sf") are best-effort in Perfetto's import of
// this legacy format; an argument array shows wherever arguments do, as
// stack[0], stack[1], ... beside the call's decoded args.
void stack_arg(std::string& r, const Event& e) {
  if (!e.stack) return;
  r += ",\"stack\":[";
  for (size_t i = 0; i < e.stack->size(); ++i) {
    if (i) r += ',';
    std::string frame;
    append_frame_text(frame, (*e.stack)[i], e.stack_at_entry);
    json_string(r, frame);
  }
  r += ']';
}

}  // namespace

PerfettoSink::PerfettoSink(Output& out) : out_(out) {
  out_.write("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n");
}

int64_t PerfettoSink::us_ns(const timespec& t) {
  int64_t ns = t.tv_sec * 1000000000LL + t.tv_nsec;
  if (origin_ < 0) origin_ = ns;
  return ns - origin_;
}

void PerfettoSink::emit(const std::string& record) {
  if (!first_) out_.write(",\n");
  first_ = false;
  out_.write(record);
}

PerfettoSink::Thread& PerfettoSink::thread(const Event& e) {
  auto [it, fresh] = threads_.try_emplace(e.pid);
  Thread& t = it->second;
  if (fresh) {
    t.pid = e.tgid ? e.tgid : e.pid;
    t.program = comm_of(e.pid);
  }
  return t;
}

void PerfettoSink::end_program(pid_t tid, Thread& t, int64_t at) {
  if (t.program_start < 0) return;
  std::string r = fmt::format(R"({{"ph":"X","cat":"program","pid":{},"tid":{},"ts":{},"dur":{},"name":)", t.pid,
                              tid, us(t.program_start), us(std::max<int64_t>(0, at - t.program_start)));
  json_string(r, t.program);
  r += '}';
  emit(r);
  t.program_start = -1;
}

void PerfettoSink::on_event(const Event& e) {
  using K = Event::Kind;
  if (e.kind == K::Counts) return;
  const int64_t now = us_ns(e.mono);
  Thread& t = thread(e);
  if (t.program_start < 0) t.program_start = now;
  t.last = now;
  switch (e.kind) {
    case K::SyscallEntry:
      t.entry = now;
      break;
    case K::SyscallExit:
    case K::SyscallNoReturn: {
      const DecodedCall& d = *e.call;
      int64_t start = t.entry >= 0 ? t.entry : now - e.duration_ns;
      if (start < t.program_start) start = t.program_start;
      t.entry = -1;
      std::string r = fmt::format(R"({{"ph":"X","cat":"syscall","pid":{},"tid":{},"ts":{},"dur":{},"name":)", t.pid,
                                  e.pid, us(start), us(now - start));
      json_string(r, call_name(d));
      r += ",\"args\":{\"args\":";
      json_args(r, d);
      if (e.kind == K::SyscallExit) {
        fmt::format_to(std::back_inserter(r), ",\"ret\":{}", d.ret);
        if (call_failed(d)) {
          const char* name = errno_name(static_cast<int>(-d.ret));
          r += ",\"errno\":";
          json_string(r, name ? name : "E???");
        }
        if (!d.data.empty()) {
          r += ",\"data\":";
          json_dump_counts(r, d);
        }
      }
      stack_arg(r, e);
      r += "}}";
      emit(r);
      if (first_slice_.try_emplace(e.pid, start).second && pending_flows_.erase(e.pid))
        emit(fmt::format(R"({{"ph":"f","bp":"e","cat":"process","name":"fork","id":{},"pid":{},"tid":{},"ts":{}}})",
                         e.pid, t.pid, e.pid, us(start)));
      if (e.kind != K::SyscallExit) break;
      // The arrow leaves from the start of the call that made the child: the
      // child cannot run before it.
      if (creates_task(d.nr) && d.ret > 0 && !call_failed(d)) {
        auto child = static_cast<pid_t>(d.ret);
        emit(fmt::format(R"({{"ph":"s","cat":"process","name":"fork","id":{},"pid":{},"tid":{},"ts":{}}})", child,
                         t.pid, e.pid, us(start)));
        auto seen = first_slice_.find(child);
        if (seen == first_slice_.end()) {
          pending_flows_.insert(child);
        } else {
          auto& ct = threads_[child];
          emit(fmt::format(R"({{"ph":"f","bp":"e","cat":"process","name":"fork","id":{},"pid":{},"tid":{},"ts":{}}})",
                           child, ct.pid, child, us(seen->second)));
        }
      }
      // A successful execve: the thread runs a new program from here on.
      bool exec = has_role(d.info, RExec);
      size_t path_arg = exec ? static_cast<size_t>(sct::path_arg(*d.info)) : 0;
      if (exec && d.ret == 0 && d.values.size() > path_arg) {
        end_program(e.pid, t, now);
        std::string name = basename_of(d.values[path_arg]);
        if (!name.empty()) t.program = name;
        t.program_start = now;
      }
      break;
    }
    case K::Signal: {
      std::string r = fmt::format(R"({{"ph":"i","s":"t","cat":"signal","pid":{},"tid":{},"ts":{},"name":)", t.pid,
                                  e.pid, us(now));
      json_string(r, signal_name(e.sig));
      r += ",\"args\":{\"siginfo\":";
      json_value(r, e.siginfo);
      stack_arg(r, e);
      r += "}}";
      emit(r);
      break;
    }
    case K::Exited:
    case K::Killed: {
      std::string what = e.kind == K::Exited ? fmt::format("exit {}", e.status)
                                            : "killed by " + signal_name(e.sig);
      std::string r = fmt::format(R"({{"ph":"i","s":"t","cat":"exit","pid":{},"tid":{},"ts":{},"name":)", t.pid,
                                  e.pid, us(now));
      json_string(r, what);
      // exit_group's stack (the text prints it after "+++ exited").
      if (e.kind == K::Exited && e.stack) {
        fmt::format_to(std::back_inserter(r), ",\"args\":{{\"code\":{}", e.status);
        stack_arg(r, e);
        r += '}';
      }
      r += '}';
      emit(r);
      end_program(e.pid, t, now);
      break;
    }
    case K::GroupStop:
    case K::Superseded:
    case K::Attached:
    case K::Detached:
    case K::Lost: {
      static constexpr const char* kNames[] = {"stopped", "superseded", "attached", "detached", "events lost"};
      size_t i = e.kind == K::GroupStop ? 0 : e.kind == K::Superseded ? 1 : e.kind == K::Attached ? 2
                 : e.kind == K::Detached ? 3 : 4;
      emit(fmt::format(R"({{"ph":"i","s":"t","cat":"tracer","pid":{},"tid":{},"ts":{},"name":"{}"}})", t.pid, e.pid,
                       us(now), kNames[i]));
      break;
    }
    case K::Counts:
      break;  // totals, not a moment of the timeline (returned above)
  }
}

void PerfettoSink::finish() {
  if (finished_) return;
  finished_ = true;
  for (auto& [tid, t] : threads_) end_program(tid, t, t.last);
  // Names last: a process is named for the last program it ran.
  for (const auto& [tid, t] : threads_) {
    std::string r = fmt::format(R"({{"ph":"M","name":"thread_name","pid":{},"tid":{},"args":{{"name":)", t.pid, tid);
    json_string(r, t.program);
    r += "}}";
    emit(r);
    if (tid != t.pid) continue;
    r = fmt::format(R"({{"ph":"M","name":"process_name","pid":{},"tid":{},"args":{{"name":)", t.pid, tid);
    json_string(r, t.program);
    r += "}}";
    emit(r);
  }
  out_.write("\n]}\n");
  out_.flush();
}

}  // namespace sct
