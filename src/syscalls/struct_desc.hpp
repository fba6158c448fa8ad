// Struct descriptions (structs.def): the layout of what a syscall argument
// points at, and how each field prints. Data for the generic decoder and the
// eBPF capture plan.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace sct {

enum class ArgSet : uint8_t;  // syscall_table.hpp: the sets of arg_sets.def

// The structs of structs.def; None for an argument without one. Its names
// are in struct_ids.hpp, included only where a struct is named, so that
// describing a struct rebuilds only those files.
enum class StructId : uint8_t;

// How a field prints.
enum class FieldT : uint8_t {
  Int,     // signed decimal of the field's width
  Uint,    // unsigned decimal of the field's width
  Uid,     // unsigned decimal; (unsigned)-1 prints as -1
  Hex,     // 0x...; 0 as 0
  Ptr,     // NULL or 0x...
  Struct,  // a nested struct (FieldDesc::sub)
  Set,     // a flags word or a constant of arg_sets.def (FieldDesc::set)
  Time,    // seconds since the epoch: signed decimal, then the local date
           // in a comment (1 /* 1970-01-01T00:00:01+0000 */)
  // A timestamp in two fields (struct timeval): strace prints the local date
  // in a comment after the struct, only when the microseconds are valid.
  TimeSec,   // its seconds, signed decimal
  TimeUsec,  // its microseconds, unsigned decimal
  // The nanoseconds of a TimeSec pair (utimensat's struct timespec), dated
  // when below 10^9; UTIME_NOW and UTIME_OMIT name the whole struct.
  UtimeNsec,
  Errno,     // an int that is a negative errno or else a number (move_pages'
             // status): -EFAULT, 0
};

struct FieldDesc {
  std::string_view name;
  uint16_t offset;
  uint16_t size;
  FieldT type;
  StructId sub;  // for Struct fields
  ArgSet set;    // for Set fields
};

struct StructDesc {
  std::string_view name;
  std::string_view header;
  uint16_t size;
  bool box;  // one unnamed value in brackets: [0]
  std::span<const FieldDesc> fields;
};

// Which way the data behind a Struct argument goes.
enum class Dir : uint8_t { None, In, Out };

// Where an array argument's element count comes from: an argument's index
// (0-5), the return value, a fixed number (kCountFixed + n: utimes' two
// times), or nowhere (one struct, not an array).
constexpr int8_t kCountNone = -1;
constexpr int8_t kCountRet = 6;
constexpr int8_t kCountFixed = 8;
constexpr bool count_is_fixed(int8_t c) { return c >= kCountFixed; }

// The description of `id` (an empty one for None).
const StructDesc& struct_desc(StructId id);

}  // namespace sct
