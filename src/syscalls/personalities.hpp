// The three syscall personalities of an x86_64 kernel. sctrace traces 64-bit
// tracees only, but -e trace= accepts the names and designators of all three,
// as strace on x86_64 does: `mmap2`, `read@32` and `read@x32` select nothing
// there, `read@64` is `read`.
#pragma once

#include <optional>
#include <string_view>

namespace sct {

enum class Personality { X86_64, I386, X32 };

// "64", "32" or "x32" (the part after '@' in `read@32`), or nullopt.
std::optional<Personality> personality_by_designator(std::string_view d);

// Whether `name` is a syscall of that personality.
bool personality_has(Personality p, std::string_view name);

}  // namespace sct
