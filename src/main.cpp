// sctrace: parse the strace command line, trace, exit with the tracee's status.
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>

#include "cli/call_limit.hpp"
#include "cli/configs.hpp"
#include "cli/engine_choice.hpp"
#include "cli/options.hpp"
#include "cli/usage.hpp"
#include "core/output.hpp"
#include "engine/command.hpp"
#include "engine/engine.hpp"
#include "engine/interrupt.hpp"
#include "engine/ptrace/tracer.hpp"
#include "engine/supervisor.hpp"
#include "diagnose/why_stuck.hpp"
#include "session/session.hpp"
#ifdef SCTRACE_HAVE_EBPF
#include "engine/ebpf/ebpf_tracer.hpp"
#include "engine/ebpf/stream_tracer.hpp"
#endif
#include "sink/json_sink.hpp"
#include "sink/perfetto_sink.hpp"
#include "sink/summary_sink.hpp"
#include "sink/tee_sink.hpp"
#include "sink/text_sink.hpp"

namespace {

void on_termination_signal(int sig) { sct::termination_signal = sig; }

void install_signal_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_termination_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: waitpid must return to notice
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaction(sig, &sa, nullptr);
  sct::catch_sigpipe();
  sct::unblock_termination_signals();
}

// Starts the engine and follows its tracees to the end; false (said on
// stderr) when it could not start.
bool trace_with(sct::Engine& tracer, const sct::Options& opts, int& status, int& fatal, bool& output_failed) {
  tracer.set_say([](const std::string& text) { fprintf(stderr, "sctrace: %s\n", text.c_str()); });
  if (std::string err = tracer.start(); !err.empty()) {
    sct::error_msg("%s", err.c_str());
    return false;
  }
  sct::report_repeated_attach(opts);
  status = tracer.run();
  fatal = tracer.fatal_signal();
  output_failed = tracer.output_failed();
  return true;
}

// --why-stuck (docs/diagnosis.md): the report, to -o FILE, --json=FILE, or
// standard output; nothing is traced.
int why_stuck_main(const sct::Options& opts) {
  sct::WhyStuckConfig cfg;
  cfg.pids = opts.attach;
  cfg.follow = opts.follow_forks != 0;
  cfg.decode = opts.decode;
  cfg.stacks = opts.stacks;
  const bool want_json = !opts.json.empty();
  const bool want_text = !opts.output.empty() || !want_json;
  std::string text, json, error;
  if (sct::why_stuck(cfg, want_text ? &text : nullptr, want_json ? &json : nullptr, error) != 0) {
    sct::error_msg("%s", error.c_str());
    return 1;
  }
  struct Target {
    std::string spec;
    std::string* report;
  };
  std::vector<Target> targets;
  if (want_json) targets.push_back({opts.json, &json});
  if (want_text) targets.push_back({opts.output.empty() ? "-" : opts.output, &text});
  for (const Target& t : targets) {
    sct::Output out;
    std::string err;
    if (t.spec == "-") out.open_fd(1);
    else err = out.open(t.spec, opts.append);
    if (err.empty()) {
      out.write(*t.report);
      err = out.close();
    }
    if (!err.empty()) {
      sct::error_msg("%s", err.c_str());
      return 1;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  sct::remember_signal_state();
  sct::Options opts;
  sct::ParseResult pr = sct::parse_options(argc, argv, opts);
  if (!pr.run) return pr.exit_code;
  if (opts.why_stuck) return why_stuck_main(opts);

#ifdef SCTRACE_HAVE_EBPF
  const sct::Capabilities& ebpf_caps = sct::ebpf_capabilities();
#else
  sct::Capabilities ebpf_caps;
  ebpf_caps.engine = "ebpf";
  ebpf_caps.why_not = "--backend=ebpf: this sctrace was built without the eBPF engine (clang, bpftool, libbpf-dev)";
#endif
  const auto choice = sct::choose_engine(opts, sct::ptrace_capabilities(), ebpf_caps);
  if (!choice) {
    sct::error_msg("%s", choice.error().c_str());
    return 1;
  }
  const bool ebpf = choice->kind == sct::EngineKind::Ebpf;
  // Only --backend=auto chose: an engine named on the command line is not
  // announced (strace -v prints no such line).
  if (opts.backend == sct::Options::Backend::Auto && opts.decode.verbose)
    fprintf(stderr, "sctrace: backend %s%s%s\n", ebpf ? "ebpf" : "ptrace", ebpf ? "" : ": ",
            choice->why_not_ebpf.c_str());

  // A command under the seccomp filter is traced from a child process, which
  // can serve the filter after the user stops tracing (engine/supervisor.hpp).
  const sct::EngineConfig engine = sct::engine_config(opts);
  // -I4 (never_tstp): Ctrl-Z stops the command, never sctrace; set before
  // the split, so that both processes keep it.
  if (opts.interruptible == 4) sct::block_terminal_stop();
  // With -D the shell waits for the command itself, and the tracer, a
  // detached grandchild, serves filtered tracees to their end: no supervisor.
  if (!ebpf && sct::PtraceTracer::uses_seccomp(engine) && !engine.daemonize) sct::run_supervised();

  sct::Output out;
  std::string spec = opts.follow_forks == 2 ? std::string() : opts.output;
  if (std::string err = out.open(spec, opts.append); !err.empty()) {
    sct::error_msg("%s", err.c_str());
    return 1;
  }
  sct::Output json_out;
  if (opts.json == "-") {
    json_out.open_fd(1);
  } else if (!opts.json.empty()) {
    if (std::string err = json_out.open(opts.json, false); !err.empty()) {
      sct::error_msg("%s", err.c_str());
      return 1;
    }
  }
  sct::Output perfetto_out;
  if (!opts.perfetto.empty()) {
    if (std::string err = perfetto_out.open(opts.perfetto, false); !err.empty()) {
      sct::error_msg("%s", err.c_str());
      return 1;
    }
  }
  sct::TextSink text(sct::text_config(opts), out);
  sct::SummarySink summary(sct::summary_config(opts), out);
  std::optional<sct::JsonSink> json;
  std::vector<sct::Sink*> sinks;
  if (opts.summary != 1) sinks.push_back(&text);
  if (opts.summary) sinks.push_back(&summary);
  if (!opts.json.empty()) sinks.push_back(&json.emplace(sct::json_config(opts, ebpf), json_out));
  std::optional<sct::PerfettoSink> perfetto;
  if (!opts.perfetto.empty()) sinks.push_back(&perfetto.emplace(perfetto_out));
  // --syscall-limit counts what the sinks are shown.
  std::optional<sct::CallLimit> limit;
  if (opts.syscall_limit) sinks.push_back(&limit.emplace(opts.syscall_limit));
  sct::TeeSink sink(sinks);
  install_signal_handlers();
  int status = 0, fatal = 0;
  bool output_failed = false;
  bool started = false;
  // -c alone needs no decoded arguments, and is cheaper without them.
  const bool decode = opts.summary != 1 || perfetto.has_value();
  sct::SessionConfig session_cfg;
  session_cfg.decode = engine.decode;
  session_cfg.filter = engine.filter;
  session_cfg.decode_args = decode;
  session_cfg.quiet_mask = engine.quiet_mask;
  session_cfg.inject = opts.inject;  // -e inject=, -e fault=: the session decides, the engine acts
  // An engine that copies memory shows no more of a buffer than it copied,
  // cut with "..." as strace cuts at -s (docs/ebpf.md).
  const sct::Capabilities& caps = ebpf ? ebpf_caps : sct::ptrace_capabilities();
  if (caps.max_capture && session_cfg.decode.max_strlen > caps.max_capture)
    session_cfg.decode.max_strlen = caps.max_capture;
  session_cfg.track_fds = caps.decodes_late && (engine.decode.decode_fds || !engine.filter.paths.empty());
  sct::Session session(session_cfg, sink);
  for (const std::string& note : session.prepare()) fprintf(stderr, "sctrace: %s\n", note.c_str());
  // The engine reports to the session, the session to the sinks.
  std::unique_ptr<sct::Engine> tracer;
#ifdef SCTRACE_HAVE_EBPF
  if (ebpf && sct::ebpf_counts_only(opts)) tracer = std::make_unique<sct::EbpfTracer>(engine, session);
  else if (ebpf) tracer = std::make_unique<sct::StreamTracer>(engine, session);
#endif
  if (!ebpf) tracer = std::make_unique<sct::PtraceTracer>(engine, session);
  started = trace_with(*tracer, opts, status, fatal, output_failed);
  if (!started) {
    sct::report_end(1, 0);
    return 1;
  }
  sink.flush();
  // A dump the engine could not copy whole was marked where it was cut;
  // the count is said again at the end, where it cannot be missed.
  if (size_t cut = session.cut_dumps(); cut && caps.max_capture)
    sct::error_msg("%zu data dump%s (-e read=/write=) cut short: the eBPF engine copies at most %zu bytes a buffer",
                   cut, cut == 1 ? "" : "s", static_cast<size_t>(caps.max_capture));
  if (opts.summary) summary.print();
  if (json && opts.summary) json->write_summary(summary);
  if (json) json->flush();
  if (perfetto) perfetto->finish();
  // Every output is closed, and the first failure of any said once.
  std::string lost;
  for (std::string e : {text.close_files(), out.close(), json_out.close(), perfetto_out.close()})
    if (lost.empty()) lost = std::move(e);
  if (output_failed || !lost.empty()) {
    sct::error_msg("%s%s", lost.empty() ? "write error on the trace output" : lost.c_str(),
                   output_failed ? "; tracees detached" : "");
    status = 1;
    fatal = 0;
  } else if (int sig = sct::termination_signal; sig) {
    // Stopped by the user: sctrace dies of that signal, as strace does.
    fatal = sig;
  }
  // --tips: on standard error, whatever -o says, as strace does.
  if (opts.tips.given) fputs(sct::tip_text(opts.tips).c_str(), stderr);
  if (sct::supervised()) {
    // The supervisor exits now; this process stays only while tracees that
    // carry the filter live, and prints nothing more.
    sct::report_end(status, fatal);
    tracer->finish();
    _exit(0);
  }
  // Without a supervisor (its fork failed), filtered tracees are served
  // before sctrace exits: none may be left with the filter and no tracer.
  tracer->finish();
  if (fatal) sct::die_of_signal(fatal);
  return status;
}
