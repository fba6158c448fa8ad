// -yy on the eBPF engine: which descriptors' sockets the kernel copies for
// each syscall (sct_sock_plan, derived from the syscall table as the
// capture plan is), and the copies (struct sct_sock) read back from a
// record as SocketSnapshots for the session.
#pragma once

#include <vector>

#include "core/socket_snapshot.hpp"
#include "engine/capture/captured_memory.hpp"
#include "engine/capture/sock_abi.h"
#include "syscalls/syscall_table.hpp"

namespace sct {

sct_sock_plan sock_plan(const SyscallInfo& s);

// The copies among `mem`'s own captures (not its fallback's) taken at
// `phase` (SCT_SOCK_AT_ENTRY, SCT_SOCK_AT_EXIT), appended to `out`.
void socket_snapshots(const CapturedMemory& mem, int phase, std::vector<SocketSnapshot>& out);

SocketSnapshot socket_snapshot(const sct_sock& s);

}  // namespace sct
