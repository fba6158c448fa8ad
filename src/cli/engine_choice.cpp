#include "cli/engine_choice.hpp"

namespace sct {

std::string refusal(const Options& o, const Capabilities& caps) {
  if (!caps.available) return caps.why_not;
  const std::string engine = "--backend=" + caps.engine;
  if (!o.attach.empty() && !caps.attach) return engine + ": cannot attach to a running process (-p)";
  // The eBPF engine follows tasks in the kernel and never holds them: what
  // needs a tracer holding its tracees is the ptrace engine's.
  const std::string use = "; use --backend=ptrace";
  if (o.daemonize && !caps.daemonize)
    return engine + ": cannot trace from a detached grandchild (-D/--daemonize): it starts the command as its own child" + use;
  if (o.detach_on_execve && !caps.detach_on_exec)
    return engine + ": cannot detach a task at its execve (-b execve): tasks are followed in the kernel" + use;
  if (o.kill_on_exit && !caps.kill_on_exit)
    return engine + ": cannot have the kernel kill the tracees when sctrace exits (--kill-on-exit): only a ptrace tracer can" + use;
  // -e inject= / -e fault=: changing a call's outcome from BPF needs
  // bpf_override_return, which needs kprobes; this kernel has none.
  if (o.inject.any() && !caps.inject)
    return engine + ": cannot tamper with syscalls (-e inject=, -e fault=): bpf_override_return needs kprobes, which this kernel lacks" + use;
  if (o.syscall_limit && !caps.syscall_limit)
    return engine + ": cannot stop tracing after exactly N calls (--syscall-limit): the kernel runs ahead of what is read" + use;
  // -k stack traces
  if (o.stack_trace && !caps.user_stacks) return engine + ": cannot print user stacks (-k)" + use;
  return {};
}

Result<EngineChoice> choose_engine(const Options& o, const Capabilities& ptrace, const Capabilities& ebpf) {
  switch (o.backend) {
    case Options::Backend::Ptrace:
      if (std::string why = refusal(o, ptrace); !why.empty()) return Error{why};
      return EngineChoice{EngineKind::Ptrace, {}};
    case Options::Backend::Ebpf:
      if (std::string why = refusal(o, ebpf); !why.empty()) return Error{why};
      return EngineChoice{EngineKind::Ebpf, {}};
    case Options::Backend::Auto:
      break;
  }
  // auto: the engine that never stops the tracee, where it can do the job.
  std::string why = refusal(o, ebpf);
  if (why.empty()) return EngineChoice{EngineKind::Ebpf, {}};
  if (std::string p = refusal(o, ptrace); !p.empty()) return Error{p};
  return EngineChoice{EngineKind::Ptrace, why};
}

}  // namespace sct
