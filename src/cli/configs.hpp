// Each module's own small config, filled from the command line here and
// nowhere else: nothing below cli/ sees Options.
#pragma once

#include "cli/options.hpp"
#include "engine/engine_config.hpp"
#include "sink/json_sink.hpp"
#include "sink/summary_sink.hpp"
#include "sink/text_sink.hpp"

namespace sct {

EngineConfig engine_config(const Options& o);
TextConfig text_config(const Options& o);
SummaryConfig summary_config(const Options& o);
JsonConfig json_config(const Options& o, bool ebpf);
// Whether the eBPF engine's counters in the kernel answer everything asked
// (-c alone), so that no call needs to be streamed.
bool ebpf_counts_only(const Options& o);

}  // namespace sct
