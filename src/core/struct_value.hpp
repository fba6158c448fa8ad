// A struct described in structs.def, read from tracee memory and printed as
// the generic decoder prints it.
#pragma once

#include <cstdint>

#include "core/memory.hpp"
#include "core/value.hpp"
#include "syscalls/struct_desc.hpp"

namespace sct {

// The struct `id` at `addr`: NULL for 0, the bare address when it cannot be
// read, else {field=value, ...} (or [value] for a box).
Value struct_value(Memory& mem, StructId id, uint64_t addr);

// `count` structs `id` at `addr`, [{...}, {...}]: at most `max_items` of
// them, then "..." (strace's -s limit on arrays); NULL for 0, the bare
// address when they cannot be read.
Value struct_array_value(Memory& mem, StructId id, uint64_t addr, uint64_t count, size_t max_items);

// The same from bytes already read (`bytes` holds struct_desc(id).size).
Value struct_value_of(StructId id, const unsigned char* bytes);

}  // namespace sct
