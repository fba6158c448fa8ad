// docs/syscalls.md, derived from the table: how each syscall is decoded.
#pragma once

#include <string>
#include <vector>

#include "syscalls/syscall_table.hpp"

namespace sct {

enum class Decoding { Generic, Custom, Undecoded };

// How `s` is decoded. Undecoded: a Generic row with an argument that prints
// as a bare address or bare hex although its C type is a pointer to data
// (anything but void *), or an integer flags word (a hex-printed integer of a
// 32-bit-or-narrower C type, or one whose name contains "flags"): strace
// prints something richer there. The indices of those arguments go in `why`.
Decoding decoding_of(const SyscallInfo& s, std::vector<int>* why = nullptr);

// The text of docs/syscalls.md.
std::string syscalls_markdown();

}  // namespace sct
