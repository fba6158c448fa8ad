// Which tracee memory the eBPF engine copies for each syscall, derived from
// the argument types of the syscall table: the decoders read only what the
// plan copied, so the plan and the decoders agree by construction.
#pragma once

#include "engine/capture/stream_abi.h"
#include "syscalls/syscall_table.hpp"

namespace sct {

sct_plan capture_plan(const SyscallInfo& s);

}  // namespace sct
