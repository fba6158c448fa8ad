// The names of structs.def's structs, for code that names one. Everything
// else sees the enum opaque (struct_desc.hpp), so describing a struct
// rebuilds only the files that name structs.
#pragma once

#include <cstdint>

namespace sct {

enum class StructId : uint8_t {
  None,
#define STRUCT(id, ...) id,
#define BOX(id, ...) id,
#define ARG_STRUCT(...)
#define ARG_ARRAY(...)
#include "syscalls/structs.def"
#undef STRUCT
#undef BOX
#undef ARG_STRUCT
#undef ARG_ARRAY
};

}  // namespace sct
