#include "syscalls/arg_set_ids.hpp"
#include "syscalls/struct_ids.hpp"
#include "syscalls/struct_desc.hpp"

#include "syscalls/syscall_table.hpp"

// The headers structs.def names: the layouts are theirs.
#include <linux/aio_abi.h>
#include <linux/futex.h>
#include <linux/landlock.h>
#include <linux/openat2.h>
#include <linux/time_types.h>
#include <linux/types.h>
#include <mqueue.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <sys/sem.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/types.h>
#include <utime.h>

#include <cstddef>
#include <iterator>

namespace sct {

namespace {

// Each description's fields, with offsets and sizes taken from its C type.
#define F(field, kind) \
  FieldDesc{#field, offsetof(T, field), sizeof(T::field), FieldT::kind, StructId::None, ArgSet::None}
#define S(field, id) \
  FieldDesc{#field, offsetof(T, field), sizeof(T::field), FieldT::Struct, StructId::id, ArgSet::None}
#define FS(field, set) \
  FieldDesc{#field, offsetof(T, field), sizeof(T::field), FieldT::Set, StructId::None, ArgSet::set}
#define STRUCT(id, header, ctype, ...)                 \
  namespace desc_##id {                                \
  using T = ctype;                                     \
  constexpr FieldDesc kFields[] = {__VA_ARGS__};       \
  }
#define BOX(id, header, ctype, kind)                                              \
  namespace desc_##id {                                                           \
  using T = ctype;                                                                \
  constexpr FieldDesc kFields[] = {{"", 0, sizeof(T), FieldT::kind, StructId::None, ArgSet::None}}; \
  }
#define ARG_STRUCT(...)
#define ARG_ARRAY(...)
#include "syscalls/structs.def"
#undef STRUCT
#undef BOX

#define STRUCT(id, header, ctype, ...) StructDesc{#id, header, sizeof(ctype), false, desc_##id::kFields},
#define BOX(id, header, ctype, kind) StructDesc{#id, header, sizeof(ctype), true, desc_##id::kFields},
constexpr StructDesc kDescs[] = {
    StructDesc{"None", {}, 0, false, {}},
#include "syscalls/structs.def"
};
#undef STRUCT
#undef BOX
#undef ARG_STRUCT
#undef ARG_ARRAY
#undef F
#undef S
#undef FS

// A nested struct fills its field exactly, and scalars are at most 8 bytes.
constexpr bool layouts_consistent() {
  for (const StructDesc& d : kDescs) {
    for (const FieldDesc& f : d.fields) {
      if (f.offset + f.size > d.size) return false;
      if (f.type == FieldT::Struct) {
        if (f.sub == StructId::None || kDescs[static_cast<size_t>(f.sub)].size != f.size) return false;
      } else if (f.size == 0 || f.size > 8 || (f.type == FieldT::Set) != (f.set != ArgSet::None)) {
        return false;
      }
    }
  }
  return true;
}
static_assert(layouts_consistent(), "structs.def: a nested struct's size differs from its field's");

}  // namespace

const StructDesc& struct_desc(StructId id) {
  auto i = static_cast<size_t>(id);
  return kDescs[i < std::size(kDescs) ? i : 0];
}

}  // namespace sct
