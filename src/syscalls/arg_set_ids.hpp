// The names of arg_sets.def's sets, for code that names one
// (ArgSet::OpenHow...). Everything else sees the enum opaque
// (syscall_table.hpp), so adding a set rebuilds only the files that name sets.
#pragma once

#include <cstdint>

namespace sct {

enum class ArgSet : uint8_t {
  None,
#define SET(id, ...) id,
#define ARG_SET(...)
#include "syscalls/arg_sets.def"
#include "syscalls/arg_set_ids.hpp"
#undef SET
#undef ARG_SET
};

}  // namespace sct
