// Options x capabilities: which engine traces, or the one line that says why
// none can. --backend=auto asks the same questions as --backend=ebpf.
#pragma once

#include <string>

#include "cli/options.hpp"
#include "core/result.hpp"
#include "engine/capabilities.hpp"

namespace sct {

enum class EngineKind { Ptrace, Ebpf };

struct EngineChoice {
  EngineKind kind;
  std::string why_not_ebpf;  // for --backend=auto: why ptrace was chosen
};

// `ebpf` is the eBPF engine's capabilities (not available when this build
// has none). An error is the text of one "sctrace: ..." line.
Result<EngineChoice> choose_engine(const Options& o, const Capabilities& ptrace, const Capabilities& ebpf);

// Why `caps` cannot honour `o`, or empty.
std::string refusal(const Options& o, const Capabilities& caps);

}  // namespace sct
