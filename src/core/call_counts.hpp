// The counts of one syscall over a trace: what -c shows in a row. The
// summary sink sums them from events; the eBPF engine's -c reads them from
// counters in the kernel.
#pragma once

#include <cstdint>

namespace sct {

struct CallCounts {
  uint64_t calls = 0, errors = 0;
  int64_t total_ns = 0, min_ns = INT64_MAX, max_ns = 0;
};

}  // namespace sct
