// sctrace: parse the strace command line, trace, exit with the tracee's status.
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <optional>

#include "cli/options.hpp"
#include "cli/usage.hpp"
#include "core/output.hpp"
#include "engine/ptrace/tracer.hpp"
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

void on_termination_signal(int sig) { sct::PtraceTracer::interrupted = sig; }

void install_signal_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_termination_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: waitpid must return to notice
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE}) sigaction(sig, &sa, nullptr);
}

// The command died of a signal: so does sctrace, without a core of its own,
// so that the shell sees the same status.
[[noreturn]] void die_like(int sig) {
  rlimit none{0, 0};
  setrlimit(RLIMIT_CORE, &none);
  signal(sig, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  sigprocmask(SIG_UNBLOCK, &set, nullptr);
  raise(sig);
  _exit(128 + sig);
}

// Starts the engine and follows its tracees to the end; false (said on
// stderr) when it could not start.
template <class Tracer>
bool trace_with(Tracer& tracer, int& status, int& fatal, bool& output_failed) {
  if (std::string err = tracer.start(); !err.empty()) {
    sct::error_msg("%s", err.c_str());
    return false;
  }
  status = tracer.run();
  fatal = tracer.fatal_signal();
  output_failed = tracer.output_failed();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  sct::Options opts;
  sct::ParseResult pr = sct::parse_options(argc, argv, opts);
  if (!pr.run) return pr.exit_code;

  bool ebpf = false;
  if (opts.backend != sct::Options::Backend::Ptrace) {
    std::string why;
#ifdef SCTRACE_HAVE_EBPF
    ebpf = sct::ebpf_supports(opts, why);
#else
    why = "--backend=ebpf: this sctrace was built without the eBPF engine (clang, bpftool, libbpf-dev)";
#endif
    if (!ebpf && opts.backend == sct::Options::Backend::Ebpf) {
      sct::error_msg("%s", why.c_str());
      return 1;
    }
    if (opts.decode.verbose)
      fprintf(stderr, "sctrace: backend %s%s%s\n", ebpf ? "ebpf" : "ptrace", ebpf ? "" : ": ",
              ebpf ? "" : why.c_str());
  }

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
  sct::TextSink text(opts, out);
  sct::SummarySink summary(opts, out);
  std::optional<sct::JsonSink> json;
  std::vector<sct::Sink*> sinks;
  if (opts.summary != 1) sinks.push_back(&text);
  if (opts.summary) sinks.push_back(&summary);
  if (!opts.json.empty()) sinks.push_back(&json.emplace(opts, json_out, ebpf));
  std::optional<sct::PerfettoSink> perfetto;
  if (!opts.perfetto.empty()) sinks.push_back(&perfetto.emplace(opts, perfetto_out));
  sct::TeeSink sink(sinks);
  install_signal_handlers();
  int status = 0, fatal = 0;
  bool output_failed = false;
#ifdef SCTRACE_HAVE_EBPF
  bool started = false;
  // -c alone needs no decoded arguments, and is cheaper without them.
  const bool decode = opts.summary != 1 || perfetto.has_value();
  if (ebpf && sct::ebpf_counts_only(opts)) {
    sct::EbpfTracer tracer(opts, summary);
    started = trace_with(tracer, status, fatal, output_failed);
  } else if (ebpf) {
    sct::StreamTracer tracer(opts, sink);
    tracer.set_decode(decode);
    started = trace_with(tracer, status, fatal, output_failed);
  }
#endif
  if (!ebpf) {
    sct::PtraceTracer tracer(opts, sink);
    tracer.set_decode(decode);
    started = trace_with(tracer, status, fatal, output_failed);
  }
  if (!started) return 1;
  sink.flush();
  if (opts.summary) summary.print();
  if (json && opts.summary) json->write_summary(summary);
  if (json) json->flush();
  if (perfetto) perfetto->finish();
  out.close();
  json_out.close();
  perfetto_out.close();
  if (output_failed) {
    sct::error_msg("write error on the trace output; tracees detached");
    return 1;
  }
  if (fatal) die_like(fatal);
  return status;
}
