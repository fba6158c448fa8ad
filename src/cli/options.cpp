#include "cli/options.hpp"

#include <getopt.h>
#include <pwd.h>
#include <strings.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "cli/fd_options.hpp"
#include "cli/stamp_options.hpp"
#include "cli/usage.hpp"
#include "filter/expressions.hpp"
#include "filter/fd_set.hpp"
#include "sink/summary_sink.hpp"

namespace sct {

namespace {

enum LongOnly {
  kOptSeccomp = 0x100,
  kOptNoSeccomp,
  kOptTrace,
  kOptSignal,
  kOptStatus,
  kOptQuietEq,
  kOptBackend,
  kOptRingBuffer,
  kOptJson,
  kOptPerfetto,
  kOptColor,
  kOptOutputSeparately,
  kOptDaemonize,
  kOptKillOnExit,
  kOptSyscallLimit,
  kOptArgv0,
  kOptInterruptible,
  // --why-stuck (docs/diagnosis.md)
  kOptWhyStuck,
  kOptStacks,
  // Pid, time and summary output controls; options that cannot work here.
  kOptAbsoluteStamps,
  kOptTimestamps,
  kOptRelativeStamps,
  kOptSyscallTimes,
  kOptDecodePids,
  kOptPidnsTranslation,
  kOptAlwaysShowPid,
  kOptTips,
  kOptKvm,
  kOptSecontext,
  kOptSummaryOverhead,
  kOptStringsInHex,
  // Tampering: --inject=, --fault=.
  kOptInject,
  kOptFault,
  // Descriptor data dumps: --read=SET, --write=SET (-e read=, -e write=).
  kOptReadData,
  kOptWriteData,
  // -k stack traces
  kOptStackTrace,
  kOptStackTraceFrameLimit,
  kOptStackCaptureSize,
  // Output controls of the value renderer.
  kOptConstPrintStyle,
  kOptAbbrev,
  kOptVerbose,
  kOptRaw,
  kOptArgNames,
  kOptTraceFds,
};

constexpr option kLongOptions[] = {
    {"output", required_argument, nullptr, 'o'},
    {"attach", required_argument, nullptr, 'p'},
    {"follow-forks", no_argument, nullptr, 'f'},
    {"output-separately", no_argument, nullptr, kOptOutputSeparately},
    {"string-limit", required_argument, nullptr, 's'},
    {"absolute-timestamps", optional_argument, nullptr, kOptAbsoluteStamps},
    {"timestamps", optional_argument, nullptr, kOptTimestamps},
    {"relative-timestamps", optional_argument, nullptr, kOptRelativeStamps},
    {"syscall-times", optional_argument, nullptr, kOptSyscallTimes},
    {"columns", required_argument, nullptr, 'a'},
    {"decode-fds", optional_argument, nullptr, 'y'},
    {"env", required_argument, nullptr, 'E'},
    {"quiet", optional_argument, nullptr, kOptQuietEq},
    {"silent", optional_argument, nullptr, kOptQuietEq},
    {"silence", optional_argument, nullptr, kOptQuietEq},
    {"trace", required_argument, nullptr, kOptTrace},
    {"signal", required_argument, nullptr, kOptSignal},
    {"signals", required_argument, nullptr, kOptSignal},
    {"status", required_argument, nullptr, kOptStatus},
    {"trace-path", required_argument, nullptr, 'P'},
    {"successful-only", no_argument, nullptr, 'z'},
    {"failed-only", no_argument, nullptr, 'Z'},
    {"summary-only", no_argument, nullptr, 'c'},
    {"summary", no_argument, nullptr, 'C'},
    {"summary-sort-by", required_argument, nullptr, 'S'},
    {"summary-columns", required_argument, nullptr, 'U'},
    {"summary-wall-clock", no_argument, nullptr, 'w'},
    {"no-abbrev", no_argument, nullptr, 'v'},
    {"help", no_argument, nullptr, 'h'},
    {"version", no_argument, nullptr, 'V'},
    {"seccomp-bpf", no_argument, nullptr, kOptSeccomp},
    {"no-seccomp-bpf", no_argument, nullptr, kOptNoSeccomp},
    {"backend", required_argument, nullptr, kOptBackend},
    {"ring-buffer-size", required_argument, nullptr, kOptRingBuffer},
    {"json", required_argument, nullptr, kOptJson},
    {"perfetto", required_argument, nullptr, kOptPerfetto},
    {"color", required_argument, nullptr, kOptColor},
    {"colour", required_argument, nullptr, kOptColor},
    {"user", required_argument, nullptr, 'u'},
    {"daemonize", optional_argument, nullptr, kOptDaemonize},
    {"detach-on", required_argument, nullptr, 'b'},
    {"interruptible", required_argument, nullptr, kOptInterruptible},
    {"kill-on-exit", no_argument, nullptr, kOptKillOnExit},
    {"syscall-limit", required_argument, nullptr, kOptSyscallLimit},
    {"argv0", required_argument, nullptr, kOptArgv0},
    // --why-stuck (docs/diagnosis.md)
    {"why-stuck", no_argument, nullptr, kOptWhyStuck},
    {"stacks", no_argument, nullptr, kOptStacks},
    // Pid, time and summary output controls; options that cannot work here.
    {"decode-pids", required_argument, nullptr, kOptDecodePids},
    {"pidns-translation", no_argument, nullptr, kOptPidnsTranslation},
    {"always-show-pid", no_argument, nullptr, kOptAlwaysShowPid},
    {"summary-syscall-overhead", required_argument, nullptr, kOptSummaryOverhead},
    {"tips", optional_argument, nullptr, kOptTips},
    {"kvm", required_argument, nullptr, kOptKvm},
    {"secontext", optional_argument, nullptr, kOptSecontext},
    {"debug", no_argument, nullptr, 'd'},
    {"output-append-mode", no_argument, nullptr, 'A'},
    {"strings-in-hex", optional_argument, nullptr, kOptStringsInHex},
    // Tampering.
    {"inject", required_argument, nullptr, kOptInject},
    {"fault", required_argument, nullptr, kOptFault},
    // Descriptor data dumps (-e read=, -e write=).
    {"read", required_argument, nullptr, kOptReadData},
    {"write", required_argument, nullptr, kOptWriteData},
    // -k stack traces: strace 6.1's name, strace 7.x's names.
    {"stack-traces", optional_argument, nullptr, kOptStackTrace},
    {"stack-trace", optional_argument, nullptr, kOptStackTrace},
    {"stack-trace-frame-limit", required_argument, nullptr, kOptStackTraceFrameLimit},
    {"stack-capture-size", required_argument, nullptr, kOptStackCaptureSize},
    // Output controls of the value renderer.
    {"const-print-style", required_argument, nullptr, kOptConstPrintStyle},
    {"abbrev", required_argument, nullptr, kOptAbbrev},
    {"verbose", required_argument, nullptr, kOptVerbose},
    {"raw", required_argument, nullptr, kOptRaw},
    {"syscall-number", no_argument, nullptr, 'n'},
    {"instruction-pointer", no_argument, nullptr, 'i'},
    {"arg-names", no_argument, nullptr, kOptArgNames},
    {"trace-fds", required_argument, nullptr, kOptTraceFds},
    {nullptr, 0, nullptr, 0},
};

// strace's option letters; those not implemented yet are refused clearly.
constexpr const char kShortOptions[] = "+a:Ab:cCdDe:E:fFhiI:knNo:O:p:P:qrs:S:tTu:U:vVwxX:yYzZ";

bool parse_int(const char* s, long lo, long hi, long& out) {
  if (!s || !*s) return false;
  char* end = nullptr;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || *end || v < lo || v > hi) return false;
  out = v;
  return true;
}

std::string set_trace(const std::string& expr, Options& o) {
  std::string err = parse_trace_set(expr, o.filter.trace);
  o.filter.trace_all = o.filter.trace.all();
  return err;
}

// -p accepts lists separated by commas or spaces. A pid given twice is
// attached once; `repeated` gets it, for the failed second attach strace shows.
bool add_pids(const char* arg, std::vector<pid_t>& pids, std::vector<pid_t>& repeated) {
  std::string s(arg);
  size_t i = 0;
  bool any = false;
  while (i <= s.size()) {
    size_t j = s.find_first_of(", \t", i);
    if (j == std::string::npos) j = s.size();
    std::string tok = s.substr(i, j - i);
    if (!tok.empty()) {
      long v;
      if (!parse_int(tok.c_str(), 1, INT_MAX, v)) {
        usage_error_noexit("Invalid process id: '%s'", tok.c_str());
        return false;
      }
      if (std::find(pids.begin(), pids.end(), v) == pids.end()) pids.push_back(static_cast<pid_t>(v));
      else repeated.push_back(static_cast<pid_t>(v));
      any = true;
    }
    i = j + 1;
  }
  if (!any) usage_error_noexit("Invalid process id: '%s'", arg);
  return any;
}

// -e decode-pids=SET: each given set replaces the last, as in strace 6.1
// (-Y --decode-pids=pidns shows no command names).
std::string parse_decode_pids(const std::string& expr, DecodeOptions& d) {
  std::string body = expr;
  bool negate = false;
  while (!body.empty() && body[0] == '!') {
    negate = !negate;
    body.erase(0, 1);
  }
  bool comm = false, pidns = false, any = false;
  size_t i = 0;
  while (i <= body.size()) {
    size_t j = body.find(',', i);
    if (j == std::string::npos) j = body.size();
    std::string item = body.substr(i, j - i);
    i = j + 1;
    if (item.empty()) continue;
    any = true;
    if (!strcasecmp(item.c_str(), "comm")) comm = true;
    else if (!strcasecmp(item.c_str(), "pidns")) pidns = true;
    else if (!strcasecmp(item.c_str(), "all")) comm = pidns = true;
    else if (strcasecmp(item.c_str(), "none") != 0) return "invalid decode-pids '" + item + "'";
  }
  if (!any) return "invalid decode-pids '" + expr + "'";
  d.pid_comm = comm != negate;
  d.pidns = pidns != negate;
  return "";
}

// -e kvm=vcpu: strace prints the exit reason of each KVM_RUN; sctrace does
// not decode KVM's shared run structure, so it says so rather than show
// less than asked. Other values get strace's message.
std::string refuse_kvm(const std::string& v) {
  if (v != "vcpu") return "invalid -e kvm= argument: '" + v + "'";
  return "-e kvm=vcpu is not supported: sctrace does not decode KVM vcpu exit reasons";
}

// -e [QUALIFIER=]EXPR. An unknown qualifier is read as a syscall expression,
// as strace does ("invalid system call 'bogus=1'").
std::string apply_expression(const std::string& arg, Options& o) {
  auto eq = arg.find('=');
  std::string q = eq == std::string::npos ? "" : arg.substr(0, eq);
  std::string v = eq == std::string::npos ? arg : arg.substr(eq + 1);
  if (q == "trace" || q == "t") return set_trace(v, o);
  if (q == "signal" || q == "signals" || q == "s") return parse_signal_set(v, o.filter.signals);
  if (q == "status") return parse_status_set(v, o.filter.status);
  if (q == "quiet" || q == "silent" || q == "silence" || q == "q") return parse_quiet_set(v, o.quiet_mask);
  // Pid decoration and KVM (pid, time and summary output controls).
  if (q == "decode-pids" || q == "decode_pids") return parse_decode_pids(v, o.decode);
  if (q == "kvm") return refuse_kvm(v);
  // Tampering: strace says its warnings about retval= as it parses.
  if (q == "inject" || q == "fault") {
    std::vector<std::string> warnings;
    std::string err = parse_inject(v, q == "fault", o.inject, warnings);
    for (const std::string& w : warnings) error_msg("%s", w.c_str());
    return err;
  }
  // Descriptors: -e read=, -e write=, -e decode-fds= (filter/fd_set.hpp, cli/fd_options.hpp).
  if (q == "read" || q == "reads" || q == "r") return parse_fd_set(v, o.decode.read_data);
  if (q == "write" || q == "writes" || q == "w") return parse_fd_set(v, o.decode.write_data);
  if (q == "decode-fds") return parse_decode_fds(v, o.decode.decode_fds);
  // Output controls of the value renderer. -e abbrev= after -v undoes it
  // (call_options.hpp): the last one given counts, as in strace.
  if (q == "abbrev" || q == "a") {
    o.decode.verbose = false;
    return parse_trace_set(v, o.filter.abbrev);
  }
  if (q == "verbose" || q == "v") return parse_trace_set(v, o.filter.verbose);
  if (q == "raw" || q == "x") return parse_trace_set(v, o.filter.raw);
  if (q == "trace-fds" || q == "trace-fd" || q == "fd" || q == "fds") {
    o.filter.fds_active = true;
    return parse_fd_set(v, o.filter.fds);
  }
  return set_trace(arg, o);
}

// -I: strace 6.1's numbers and names.
int parse_interruptible(const char* s) {
  static constexpr const char* kNames[] = {"anywhere", "waiting", "never", "never_tstp"};
  for (int i = 0; i < 4; ++i)
    if (!strcmp(s, kNames[i])) return i + 1;
  long v;
  return parse_int(s, 1, 4, v) ? static_cast<int>(v) : 0;
}

// --daemonize=: strace 6.1's names; 0 for none of them.
int parse_daemonize(const char* s) {
  if (!strcmp(s, "grandchild")) return 1;
  if (!strcmp(s, "pgroup") || !strcmp(s, "pgrp")) return 2;
  if (!strcmp(s, "session")) return 3;
  return 0;
}

// -u: a user name, or UID:GID (strace 7.x's form; 6.1 looks it up as a
// name and does not find it).
bool resolve_user(Options& o) {
  if (const passwd* pw = getpwnam(o.user.c_str())) {
    o.user_uid = pw->pw_uid;
    o.user_gid = pw->pw_gid;
    o.user_name = o.user;
    return true;
  }
  auto colon = o.user.find(':');
  long uid, gid;
  if (colon == std::string::npos || !parse_int(o.user.substr(0, colon).c_str(), 0, UINT_MAX - 1, uid) ||
      !parse_int(o.user.c_str() + colon + 1, 0, UINT_MAX - 1, gid))
    return false;
  o.user_uid = static_cast<uid_t>(uid);
  o.user_gid = static_cast<gid_t>(gid);
  return true;
}

}  // namespace

void report_repeated_attach(const Options& o) {
  for (pid_t pid : o.attach_repeated)
    error_msg("attach: ptrace(PTRACE_SEIZE, %d): %s", static_cast<int>(pid), strerror(EPERM));
}

ParseResult parse_options(int argc, char** argv, Options& o) {
  opterr = 0;
  optind = 1;
  int c;
  int longind = 0;
  // What strace checks after parsing needs to know what was given.
  bool output_given = false, sort_given = false, columns_given = false, seccomp_given = false;
  int status_options = 0;  // -z and -Z
  bool deprecated_f = false;  // -F: strace 6.1 reads it as -f, with a warning
  int d_count = 0;             // -D letters given
  bool daemonize_named = false;  // --daemonize given
  int t_count = 0;               // -t letters given
  bool absolute_named = false;   // --absolute-timestamps / --timestamps given
  bool x_given = false, strings_in_hex_named = false;  // -x, --strings-in-hex
  while ((c = getopt_long(argc, argv, kShortOptions, kLongOptions, &longind)) != -1) {
    long v;
    switch (c) {
      case 'a':
        if (!parse_int(optarg, 0, INT_MAX, v)) return usage_error("invalid -a argument: '%s'", optarg);
        o.align = static_cast<int>(v);
        break;
      case 'A': o.append = true; break;
      case 'b':
        if (strcmp(optarg, "execve") != 0) {
          error_msg("Syscall '%s' for -b isn't supported", optarg);
          return {false, 1};
        }
        o.detach_on_execve = true;
        break;
      case 'D':
        if (daemonize_named) {
          error_msg("-D and --daemonize cannot be provided simultaneously");
          return {false, 1};
        }
        ++o.daemonize;
        ++d_count;
        break;
      case kOptDaemonize:
        if (d_count) {
          error_msg("-D and --daemonize cannot be provided simultaneously");
          return {false, 1};
        }
        o.daemonize = optarg ? parse_daemonize(optarg) : 1;
        if (!o.daemonize) return usage_error("invalid --daemonize argument: '%s'", optarg);
        daemonize_named = true;
        break;
      case 'I':
      case kOptInterruptible:
        o.interruptible = parse_interruptible(optarg);
        if (!o.interruptible)
          return usage_error("invalid %s argument: '%s'", c == 'I' ? "-I" : "--interruptible", optarg);
        break;
      case 'u':
        o.user = optarg;
        o.user_given = true;
        break;
      case kOptKillOnExit: o.kill_on_exit = true; break;
      case kOptSyscallLimit: {
        char* end = nullptr;
        errno = 0;
        unsigned long long n = *optarg >= '0' && *optarg <= '9' ? strtoull(optarg, &end, 10) : 0;
        if (!n || errno || *end) return usage_error("invalid --syscall-limit argument: '%s'", optarg);
        o.syscall_limit = n;
        break;
      }
      case kOptArgv0: o.argv0 = optarg; break;
      // Output controls of the value renderer.
      case 'X':
      case kOptConstPrintStyle:
        if (!strcmp(optarg, "raw")) o.decode.xlat = XlatStyle::Raw;
        else if (!strcmp(optarg, "abbrev")) o.decode.xlat = XlatStyle::Abbrev;
        else if (!strcmp(optarg, "verbose")) o.decode.xlat = XlatStyle::Verbose;
        else return usage_error("invalid %s argument: '%s'", c == 'X' ? "-X" : "--const-print-style", optarg);
        break;
      case kOptAbbrev:
      case kOptVerbose:
      case kOptRaw:
      case kOptTraceFds: {
        std::string expr = std::string(c == kOptAbbrev ? "abbrev=" : c == kOptVerbose ? "verbose="
                                       : c == kOptRaw  ? "raw="
                                                        : "trace-fds=") + optarg;
        if (std::string err = apply_expression(expr, o); !err.empty()) {
          error_msg("%s", err.c_str());
          return {false, 1};
        }
        break;
      }
      case 'n': o.syscall_number = true; break;
      case 'i': o.instruction_pointer = true; break;
      case 'N':  // strace 7.x
      case kOptArgNames: o.decode.arg_names = true; break;
      case 'E': o.env.emplace_back(optarg); break;
      case 'f': o.follow_forks = o.follow_forks ? 2 : 1; break;
      case 'F': deprecated_f = true; break;
      // -k stack traces: -kk and --stack-trace=source add source lines
      // (strace 7.x; strace 6.1 takes -kk as -k).
      case 'k': ++o.stack_trace; break;
      case kOptStackTrace:
        if (!optarg || !strcmp(optarg, "symbol")) o.stack_trace = std::max(o.stack_trace, 1);
        else if (!strcmp(optarg, "source")) o.stack_trace = 2;
        else return usage_error("invalid --stack-trace argument: '%s' (symbol or source)", optarg);
        break;
      case kOptStackTraceFrameLimit:
        if (!parse_int(optarg, 1, INT_MAX, v)) return usage_error("invalid --stack-trace-frame-limit argument: '%s'", optarg);
        o.stack_frame_limit = static_cast<int>(v);
        break;
      case kOptStackCaptureSize:
        if (!parse_int(optarg, 64, 32760, v) || v % 8)
          return usage_error("invalid --stack-capture-size: '%s' (bytes, a multiple of 8 from 64 to 32760)", optarg);
        o.stack_capture_bytes = static_cast<size_t>(v);
        break;
      case kOptOutputSeparately: o.follow_forks = 2; break;
      case 'h': print_help(); return {false, 0};
      case 'V': print_version(); return {false, 0};
      case 'o':
        o.output = optarg;
        output_given = true;
        break;
      case 'p':
        if (!add_pids(optarg, o.attach, o.attach_repeated)) return {false, 1};
        break;
      case 'q': ++o.quiet; break;
      case kOptQuietEq:
        if (!optarg) {
          ++o.quiet;
          break;
        }
        [[fallthrough]];
      case 'e':
      case kOptTrace:
      case kOptSignal:
      case kOptStatus:
      case kOptInject:
      case kOptFault:
      case kOptReadData:
      case kOptWriteData: {
        std::string expr = optarg;
        if (c == kOptInject) expr = "inject=" + expr;
        if (c == kOptFault) expr = "fault=" + expr;
        if (c == kOptReadData) expr = "read=" + expr;
        if (c == kOptWriteData) expr = "write=" + expr;
        if (c == kOptTrace) expr = "trace=" + expr;
        if (c == kOptSignal) expr = "signal=" + expr;
        if (c == kOptStatus) expr = "status=" + expr;
        if (c == kOptQuietEq) expr = "quiet=" + expr;
        if (std::string err = apply_expression(expr, o); !err.empty()) {
          if (wants_usage_hint(err)) return usage_error("%s", err.c_str());
          error_msg("%s", err.c_str());
          return {false, 1};
        }
        break;
      }
      case 'z':
      case 'Z':
        o.filter.status = c == 'z' ? kStatusSuccessful : kStatusFailed;
        ++status_options;
        break;
      case 'P': o.filter.paths.emplace_back(optarg); break;
      case 'c':
      case 'C':
        if (o.summary && o.summary != (c == 'c' ? 1 : 2))
          return usage_error("-c/--summary-only and -C/--summary are mutually exclusive");
        o.summary = c == 'c' ? 1 : 2;
        break;
      case 'w': o.summary_wall = true; break;
      case 'S':
        if (!valid_sort_key(optarg)) return usage_error("invalid sortby: '%s'", optarg);
        o.sort_by = optarg;
        sort_given = true;
        break;
      case 'U': {
        std::string bad;
        if (!parse_columns(optarg, o.columns, bad)) return usage_error("unknown column name: '%s'", bad.c_str());
        columns_given = true;
        break;
      }
      case 'r': o.stamps.relative = true; o.stamps.relative_digits = 6; break;
      case 's':
        // strace's limit: a string's printed form (up to 4 bytes per byte) must fit an int.
        if (!parse_int(optarg, 0, INT_MAX / 2, v)) return usage_error("invalid -s argument: '%s'", optarg);
        o.decode.max_strlen = static_cast<size_t>(v);
        break;
      case 't':
        if (absolute_named) {
          error_msg("-t and --absolute-timestamps cannot be provided simultaneously");
          return {false, 1};
        }
        ++t_count;
        break;
      case 'T': o.stamps.durations = true; o.stamps.duration_digits = 6; break;
      case 'v':
        // strace's -v is -e abbrev=none.
        o.decode.verbose = true;
        o.filter.abbrev.reset();
        break;
      case 'x':
        if (strings_in_hex_named) {
          error_msg("-x and --strings-in-hex cannot be provided simultaneously");
          return {false, 1};
        }
        ++o.decode.xflag;
        x_given = true;
        break;
      // -y is path, -yy all; --decode-fds=SET names the details.
      case 'y':
        if (!optarg) o.decode.decode_fds = o.decode.decode_fds & kFdPath ? kFdAll : kFdPath;
        else if (std::string err = parse_decode_fds(optarg, o.decode.decode_fds); !err.empty()) {
          error_msg("%s", err.c_str());
          return {false, 1};
        }
        break;
      case kOptSeccomp:
        o.seccomp = true;
        seccomp_given = true;
        break;
      case kOptNoSeccomp: o.seccomp = false; break;
      case kOptBackend:
        if (!strcmp(optarg, "ptrace")) o.backend = Options::Backend::Ptrace;
        else if (!strcmp(optarg, "ebpf")) o.backend = Options::Backend::Ebpf;
        else if (!strcmp(optarg, "auto")) o.backend = Options::Backend::Auto;
        else return usage_error("invalid backend: '%s' (ptrace, ebpf or auto)", optarg);
        break;
      case kOptRingBuffer:
        if (!parse_int(optarg, 4, 1 << 22, v)) return usage_error("invalid ring buffer size: '%s' (KiB, 4 to 4194304)", optarg);
        o.ring_buffer_kib = static_cast<size_t>(v);
        break;
      case kOptJson:
        if (!*optarg) return usage_error("--json needs a file name, or - for standard output");
        o.json = optarg;
        break;
      case kOptPerfetto:
        if (!*optarg) return usage_error("--perfetto needs a file name");
        o.perfetto = optarg;
        break;
      case kOptColor:
        if (!strcmp(optarg, "auto")) o.color = Options::Color::Auto;
        else if (!strcmp(optarg, "always")) o.color = Options::Color::Always;
        else if (!strcmp(optarg, "never")) o.color = Options::Color::Never;
        else return usage_error("invalid color mode: '%s' (auto, always or never)", optarg);
        break;
      // --why-stuck (docs/diagnosis.md)
      case kOptWhyStuck: o.why_stuck = true; break;
      case kOptStacks: o.stacks = true; break;
      // Pid, time and summary output controls.
      case kOptAbsoluteStamps:
      case kOptTimestamps: {
        const char* name = c == kOptTimestamps ? "--timestamps" : "--absolute-timestamps";
        if (t_count) {
          error_msg("-t and --absolute-timestamps cannot be provided simultaneously");
          return {false, 1};
        }
        if (!optarg) o.stamps.absolute = AbsoluteStamp::Time;
        else if (!parse_absolute_stamps(optarg, o.stamps)) return usage_error("invalid %s argument: '%s'", name, optarg);
        absolute_named = true;
        break;
      }
      case kOptRelativeStamps:
      case kOptSyscallTimes: {
        const bool rel = c == kOptRelativeStamps;
        int digits = optarg ? parse_precision(optarg) : 6;
        if (digits < 0)
          return usage_error("invalid %s argument: '%s'", rel ? "--relative-timestamps" : "--syscall-times", optarg);
        (rel ? o.stamps.relative : o.stamps.durations) = true;
        (rel ? o.stamps.relative_digits : o.stamps.duration_digits) = digits;
        break;
      }
      case 'O':
      case kOptSummaryOverhead:
        if (!parse_overhead(optarg, o.summary_overhead_ns))
          return usage_error("invalid %s argument: '%s'", c == 'O' ? "-O" : "--summary-syscall-overhead", optarg);
        break;
      case 'Y':
        o.decode.pid_comm = true;
        o.decode.pidns = false;
        break;
      case kOptPidnsTranslation:
        o.decode.pid_comm = false;
        o.decode.pidns = true;
        break;
      case kOptDecodePids:
        if (std::string err = parse_decode_pids(optarg, o.decode); !err.empty()) {
          error_msg("%s", err.c_str());
          return {false, 1};
        }
        break;
      case kOptAlwaysShowPid: o.always_show_pid = true; break;
      case kOptStringsInHex:
        if (x_given) {
          error_msg("-x and --strings-in-hex cannot be provided simultaneously");
          return {false, 1};
        }
        // strace 6.1's names; non-ascii-chars (3): hex escapes where octal ones would be.
        if (!optarg || !strcasecmp(optarg, "all")) o.decode.xflag = 2;
        else if (!strcasecmp(optarg, "non-ascii")) o.decode.xflag = 1;
        else if (!strcasecmp(optarg, "non-ascii-chars")) o.decode.xflag = 3;
        else if (!strcasecmp(optarg, "none")) o.decode.xflag = 0;
        else return usage_error("invalid --strings-in-hex argument: '%s'", optarg);
        strings_in_hex_named = true;
        break;
      case kOptTips:
        o.tips.given = true;
        if (optarg && !parse_tips(optarg, o.tips)) return usage_error("invalid --tips argument: '%s'", optarg);
        break;
      case kOptKvm: {
        std::string err = refuse_kvm(optarg);
        error_msg("%s", err.c_str());
        return {false, 1};
      }
      case kOptSecontext:
        // strace 6.1 built without libselinux says this, whatever the format.
        error_msg("SELinux context printing (--secontext option) is not supported by this build of sctrace");
        return {false, 1};
      case 'd':
        error_msg("-d/--debug is not supported: sctrace prints no debugging output of its own");
        return {false, 1};
      case '?':
        if (optopt && optopt < 0x100) {
          if (strchr(kShortOptions, optopt)) return usage_error("option requires an argument -- '%c'", optopt);
          return usage_error("invalid option -- '%c'", optopt);
        }
        return usage_error("unrecognized option '%s'", argv[optind - 1]);
      default: {
        char name[2] = {static_cast<char>(c), 0};
        return not_supported(std::string("-") + name);
      }
    }
  }
  for (int i = optind; i < argc; ++i) o.command.emplace_back(argv[i]);
  // --why-stuck (docs/diagnosis.md): a snapshot of running processes; what
  // starts, traces, filters or counts has no meaning with it.
  if (o.stacks && !o.why_stuck) {
    error_msg("--stacks is an option of --why-stuck: --why-stuck --stacks -p PID");
    return {false, 1};
  }
  if (o.why_stuck) {
    const char* bad = !o.command.empty()             ? "PROG [ARGS]"
                      : o.attach.empty()             ? nullptr
                      : o.summary                    ? "-c/-C"
                      : o.daemonize                  ? "-D"
                      : o.user_given                 ? "-u"
                      : o.detach_on_execve           ? "-b"
                      : o.kill_on_exit               ? "--kill-on-exit"
                      : o.syscall_limit              ? "--syscall-limit"
                      : !o.perfetto.empty()          ? "--perfetto"
                      : o.backend == Options::Backend::Ebpf ? "--backend=ebpf"
                      : !o.filter.trace_all          ? "-e trace="
                      : !o.filter.paths.empty()      ? "-P"
                      : o.follow_forks == 2          ? "-ff"
                      : o.stamps.any() || t_count ? "-t/-r/-T"
                                                     : nullptr;
    if (o.attach.empty() && o.command.empty()) bad = "no -p PID";
    if (bad) {
      error_msg("--why-stuck and %s make no sense together: --why-stuck -p PID[,PID...] [-f] [-o FILE] [--json=FILE]",
                bad);
      return {false, 1};
    }
  }
  // -t, -tt, -ttt: the time of day, with microseconds, in seconds since the epoch.
  if (t_count) {
    o.stamps.absolute = t_count >= 3 ? AbsoluteStamp::Unix : AbsoluteStamp::Time;
    o.stamps.absolute_digits = t_count >= 2 ? 6 : 0;
  }
  // strace 7.x: --tips alone shows a tip and exits.
  if (o.tips.given && o.command.empty() && o.attach.empty()) {
    fputs(tip_text(o.tips).c_str(), stderr);
    return {false, 0};
  }
  if (o.command.empty() && o.attach.empty()) return usage_error("must have PROG [ARGS] or -p PID");
  if (o.daemonize && o.command.empty()) return usage_error("PROG [ARGS] must be specified with -D/--daemonize");
  if (d_count > 3) return usage_error("Too many -D's (%d), maximum supported -D count is 3", d_count);
  // strace 7.x's rule: a process sctrace did not start is not its to kill.
  if (o.kill_on_exit && !o.attach.empty())
    return usage_error("--kill-on-exit and -p/--attach are mutually exclusive options");
  // strace's checks after parsing, in its order.
  if (seccomp_given && o.command.empty()) {
    // No filter can be put into a running process.
    error_msg("--seccomp-bpf is not enabled for processes attached with -p");
    if (!o.follow_forks) error_msg("--seccomp-bpf cannot be used without -f/--follow-forks, disabling");
  }
  // Without -f strace turns the filter off, since a child it does not trace
  // would get ENOSYS from every filtered call. sctrace keeps the filter and
  // follows such children silently instead (docs/seccomp.md). strace's
  // warnings below are said under strace's condition.
  const bool seccomp_asked = seccomp_given && o.follow_forks;
  if (deprecated_f && o.follow_forks) {
    error_msg("deprecated option -F ignored");
  } else if (deprecated_f) {
    error_msg("option -F is deprecated, please use -f/--follow-forks instead");
    o.follow_forks = 1;
  }
  if (o.summary && o.follow_forks == 2)
    return usage_error("(-c/--summary-only or -C/--summary) and -ff/--output-separately are mutually exclusive");
  if (o.summary_wall && !o.summary)
    return usage_error("-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)");
  if (columns_given && !o.summary)
    return usage_error("-U/--summary-columns must be given with (-c/--summary-only or -C/--summary)");
  if (sort_given && !o.summary)
    error_msg("-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)");
  // -k stack traces: strace says this before the -A warning.
  if (o.stack_trace && o.summary == 1) error_msg("-k/--stack-traces has no effect with -c/--summary-only");
  if (o.append && !output_given) error_msg("-A/--output-append-mode has no effect without -o/--output");
  if (status_options > 1)
    error_msg("Only the last of -z/--successful-only/-Z/--failed-only options will take effect. "
              "See status qualifier for more complex filters.");
  if (seccomp_asked && o.filter.trace_all)
    error_msg("Seccomp filter is requested but there are no syscalls to filter.  See -e trace to filter syscalls.");
  // Only root can take another user's ids (setgroups, setreuid).
  if (o.user_given && (getuid() != 0 || geteuid() != 0)) {
    error_msg("You must be root to use the -u/--username option");
    return {false, 1};
  }
  if (o.user_given && !resolve_user(o)) {
    error_msg("Cannot find user '%s'", o.user.c_str());
    return {false, 1};
  }
  // -o '' names no file; with -ff, strace writes the files ".PID".
  if (output_given && o.output.empty() && o.follow_forks < 2) {
    error_msg("Can't fopen '': No such file or directory");
    return {false, 1};
  }
  if (o.follow_forks == 2 && !output_given) o.follow_forks = 1;
  // -q: attach and personality messages; -qq: exit lines too.
  if (o.quiet >= 1) o.quiet_mask |= kQuietAttach | kQuietPersonality;
  if (o.quiet >= 2) o.quiet_mask |= kQuietExit;
  return {true, 0};
}

}  // namespace sct
