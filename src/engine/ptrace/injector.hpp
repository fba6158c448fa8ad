// The ptrace engine's side of -e inject= (docs/inject.md): what it does to a
// tracee stopped in a call. x86_64: the call's number is orig_rax, its
// return value rax.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <vector>

#include "core/tampering.hpp"

namespace sct {

// The call about to run becomes `nr` (-1: none, the kernel skips it).
bool set_syscall_nr(pid_t tid, long nr);
// The call returns `value` (a raw register value: -errno for an error).
bool set_return_value(pid_t tid, uint64_t value);
// Writes each poke where its argument points (process_vm_writev, then
// PTRACE_POKEDATA, which also writes read-only pages as a debugger does).
// False when one could not be written whole.
bool write_pokes(pid_t tid, const uint64_t args[6], const std::vector<Poke>& pokes);

}  // namespace sct
