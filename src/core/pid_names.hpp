// What -Y and --decode-pids show of a pid, read from /proc.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

namespace sct {

// The command name of task `pid` of sctrace's pid namespace, or "" when no
// such task exists (it has exited and been reaped).
std::string proc_pid_comm(int64_t pid);
// Id `id` as `tracee` sees it, in sctrace's namespace: `id` itself when the
// tracee shares sctrace's namespace (or is gone), else the task of the
// tracee's namespace that has it there (0 when none has).
int64_t proc_outer_pid(pid_t tracee, int64_t id);

}  // namespace sct
