#include "cli/engine_choice.hpp"

namespace sct {

std::string refusal(const Options& o, const Capabilities& caps) {
  if (!caps.available) return caps.why_not;
  const std::string engine = "--backend=" + caps.engine;
  if (!o.attach.empty() && !caps.attach) return engine + ": cannot attach to a running process (-p)";
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
