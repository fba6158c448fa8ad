#include "sink/json_sink.hpp"

#include "syscalls/syscall_table.hpp"

#include <fmt/format.h>

#include "core/xlat.hpp"
#include "sink/json_dump.hpp"
#include "sink/json_stack.hpp"
#include "sink/json_value.hpp"
#include "sink/text_format.hpp"

namespace sct {

namespace {

int64_t ns_of(const timespec& t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

void field(std::string& r, const char* name) {
  r += ",\"";
  r += name;
  r += "\":";
}

void signal_field(std::string& r, const char* name, int sig) {
  field(r, name);
  json_string(r, signal_name(sig));
}

// -k: the frames the text prints after this record's line.
void stack_field(std::string& r, const Event& e) {
  if (!e.stack) return;
  field(r, "stack");
  json_stack(r, *e.stack);
}

}  // namespace

JsonSink::JsonSink(JsonConfig cfg, Output& out) : opts_(std::move(cfg)), out_(out) {
  const JsonConfig& opts = opts_;
  std::string r = fmt::format("{{\"type\":\"header\",\"schema_version\":{},\"tool\":\"sctrace\"", kJsonSchemaVersion);
  field(r, "backend");
  r += opts.ebpf ? "\"ebpf\"" : "\"ptrace\"";
  field(r, "command");
  r += '[';
  for (size_t i = 0; i < opts.command.size(); ++i) {
    if (i) r += ',';
    json_string(r, opts.command[i]);
  }
  r += ']';
  field(r, "attach");
  r += '[';
  for (size_t i = 0; i < opts.attach.size(); ++i) fmt::format_to(std::back_inserter(r), "{}{}", i ? "," : "", opts.attach[i]);
  r += ']';
  end(r);
}

void JsonSink::begin(std::string& r, const char* type, const Event& e) {
  fmt::format_to(std::back_inserter(r), "{{\"type\":\"{}\",\"pid\":{},\"tid\":{},\"time_ns\":{}", type,
                 e.tgid ? e.tgid : e.pid, e.pid, ns_of(e.wall));
}

void JsonSink::end(std::string& r) {
  r += "}\n";
  out_.write(r);
  if (out_.interactive()) out_.flush();
}

void JsonSink::syscall(const Event& e) {
  const DecodedCall& d = *e.call;
  const bool returned = e.kind == Event::Kind::SyscallExit;
  auto entry = entry_ns_.find(e.pid);
  int64_t start = entry != entry_ns_.end() ? entry->second : ns_of(e.wall) - e.duration_ns;
  if (entry != entry_ns_.end()) entry_ns_.erase(entry);
  if (!e.shown) return;
  if (opts_.summary == 1) return;  // -c: the summary record only

  std::string r = fmt::format("{{\"type\":\"syscall\",\"pid\":{},\"tid\":{},\"time_ns\":{}",
                              e.tgid ? e.tgid : e.pid, e.pid, start);
  field(r, "name");
  json_string(r, call_name(d));
  fmt::format_to(std::back_inserter(r), ",\"nr\":{}", d.nr);
  field(r, "args");
  json_args(r, d);
  if (!returned) {
    r += ",\"ret\":null,\"errno\":null,\"duration_ns\":null,\"unfinished\":true";
    stack_field(r, e);
    end(r);
    return;
  }
  fmt::format_to(std::back_inserter(r), ",\"ret\":{}", d.ret);
  field(r, "errno");
  if (call_failed(d)) {
    int err = static_cast<int>(-d.ret);
    const char* name = errno_name(err);
    json_string(r, name ? std::string(name) : fmt::format("E{}", err));
  } else {
    r += "null";
  }
  if (d.ret_value) {
    field(r, "retval");
    json_value(r, *d.ret_value);
  }
  if (d.ret_aux) {
    field(r, "ret_detail");
    json_value(r, *d.ret_aux);
  }
  if (d.tampered) {
    // -e inject=: what strace's text marks (INJECTED: args, retval) (DELAYED).
    field(r, "tampered");
    static constexpr std::pair<uint8_t, const char*> kMarks[] = {
        {kTamperedReturn, "retval"}, {kTamperedArgs, "args"}, {kTamperDelayed, "delayed"}};
    const char* sep = "[";
    for (auto [bit, name] : kMarks)
      if (d.tampered & bit) {
        fmt::format_to(std::back_inserter(r), "{}\"{}\"", sep, name);
        sep = ",";
      }
    r += ']';
  }
  fmt::format_to(std::back_inserter(r), ",\"duration_ns\":{}", e.duration_ns);
  stack_field(r, e);
  if (!d.data.empty()) {
    field(r, "data");
    json_dump(r, d);
  }
  end(r);

  // A successful execve starts a new program in this process.
  bool exec = has_role(d.info, RExec);
  size_t path_arg = exec ? static_cast<size_t>(sct::path_arg(*d.info)) : 0;
  if (exec && d.ret == 0 && d.values.size() > path_arg) {
    std::string x;
    begin(x, "exec", e);
    field(x, "filename");
    json_value(x, d.values[path_arg]);
    end(x);
  }
}

void JsonSink::on_event(const Event& e) {
  using K = Event::Kind;
  std::string r;
  switch (e.kind) {
    case K::SyscallEntry:
      entry_ns_[e.pid] = ns_of(e.wall);
      return;
    case K::SyscallExit:
    case K::SyscallNoReturn:
      syscall(e);
      return;
    case K::Signal:
      if (!e.shown) return;
      begin(r, "signal", e);
      signal_field(r, "signal", e.sig);
      field(r, "siginfo");
      json_value(r, e.siginfo);
      stack_field(r, e);
      break;
    case K::GroupStop:
      begin(r, "stop", e);
      signal_field(r, "signal", e.sig);
      break;
    case K::Exited:
      begin(r, "exit", e);
      fmt::format_to(std::back_inserter(r), ",\"code\":{}", e.status);
      stack_field(r, e);
      break;
    case K::Killed:
      begin(r, "killed", e);
      signal_field(r, "signal", e.sig);
      r += e.core_dumped ? ",\"core_dumped\":true" : ",\"core_dumped\":false";
      break;
    case K::Superseded:
      begin(r, "superseded", e);
      fmt::format_to(std::back_inserter(r), ",\"by_tid\":{}", e.new_pid);
      break;
    case K::Attached:
      begin(r, "attach", e);
      break;
    case K::Detached:
      entry_ns_.erase(e.pid);
      begin(r, "detach", e);
      break;
    case K::Lost:
      begin(r, "lost", e);
      fmt::format_to(std::back_inserter(r), ",\"count\":{}", e.lost);
      break;
    case K::Counts:
      return;  // in the summary record (write_summary)
  }
  end(r);
}

void JsonSink::write_summary(const SummarySink& summary) {
  const auto total = summary.total();
  auto row = [&](std::string& r, const SummarySink::Row& x) {
    fmt::format_to(std::back_inserter(r),
                   "\"calls\":{},\"errors\":{},\"total_ns\":{},\"min_ns\":{},\"max_ns\":{},\"avg_ns\":{},"
                   "\"percent\":{:.2f}",
                   x.calls, x.errors, x.total_ns, x.min_ns == INT64_MAX ? 0 : x.min_ns, x.max_ns,
                   x.calls ? x.total_ns / static_cast<int64_t>(x.calls) : 0,
                   total.total_ns ? 100.0 * x.total_ns / total.total_ns : 0.0);
  };
  std::string r = "{\"type\":\"summary\"";
  field(r, "time");
  r += opts_.summary_wall ? "\"wall\"" : "\"system\"";
  field(r, "rows");
  r += '[';
  bool first = true;
  for (const auto& [name, x] : summary.sorted_rows()) {
    if (!first) r += ',';
    first = false;
    r += "{\"name\":";
    json_string(r, name);
    r += ',';
    row(r, x);
    r += '}';
  }
  r += ']';
  field(r, "total");
  r += '{';
  row(r, total);
  r += '}';
  end(r);
}

}  // namespace sct
