// The values of arg_sets.def's sets, and how an argument of one prints.
#pragma once

#include <cstdint>

#include "core/value.hpp"
#include "core/xlat.hpp"
#include "syscalls/syscall_table.hpp"

namespace sct {

// The set's entries, in the order strace prints them; empty for None.
Xlat arg_set_table(ArgSet s);
// `v` printed as the set prints it: flags ("A|B|0x40", "0x40 /* A_??? */",
// "0") or one constant ("SHUT_RD", "0x7 /* SHUT_??? */").
Value arg_set_value(ArgSet s, uint64_t v);

}  // namespace sct
