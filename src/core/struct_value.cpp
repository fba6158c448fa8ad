#include "core/struct_value.hpp"

#include "core/arg_sets.hpp"
#include "core/text_render.hpp"
#include "core/xlat.hpp"

#include <sys/stat.h>

#include <climits>
#include <cstring>
#include <ctime>
#include <vector>

namespace sct {

namespace {

uint64_t load(const unsigned char* p, size_t size) {
  uint64_t v = 0;
  std::memcpy(&v, p, size);  // little-endian: the low bytes first
  return v;
}

int64_t sign_extend(uint64_t v, size_t size) {
  if (size >= 8) return static_cast<int64_t>(v);
  unsigned shift = 64 - static_cast<unsigned>(size) * 8;
  return static_cast<int64_t>(v << shift) >> shift;
}

// A time in seconds with its local date in a comment, as strace prints it;
// bare when the date cannot be had.
Value time_value(int64_t secs) {
  time_t t = static_cast<time_t>(secs);
  struct tm tm;
  char date[64];
  if (!localtime_r(&t, &tm) || !strftime(date, sizeof date, "%FT%T%z", &tm)) return Int{secs};
  return commented(Int{secs}, date);
}

Value field_value(const FieldDesc& f, const unsigned char* base) {
  const unsigned char* p = base + f.offset;
  switch (f.type) {
    case FieldT::Struct: return struct_value_of(f.sub, p);
    case FieldT::Int: return Int{sign_extend(load(p, f.size), f.size)};
    case FieldT::Uint: return Uint{load(p, f.size)};
    case FieldT::Uid: {
      uint64_t v = load(p, f.size);
      if (f.size == 4 && v == UINT_MAX) return Int{-1};
      return Uint{v};
    }
    case FieldT::Hex: return Hex{load(p, f.size)};
    case FieldT::Ptr: return Ptr{load(p, f.size)};
    case FieldT::Set: return arg_set_value(f.set, load(p, f.size));
    case FieldT::Time: return time_value(sign_extend(load(p, f.size), f.size));
    case FieldT::TimeSec: return Int{sign_extend(load(p, f.size), f.size)};
    case FieldT::TimeUsec:
    case FieldT::UtimeNsec: return Uint{load(p, f.size)};
    case FieldT::Errno: {
      int64_t v = sign_extend(load(p, f.size), f.size);
      const char* name = v < 0 && v > -4096 ? errno_name(static_cast<int>(-v)) : nullptr;
      if (name) return Sym{std::string("-") + name};
      return Int{v};
    }
  }
  return Uint{0};
}

}  // namespace

Value struct_value_of(StructId id, const unsigned char* bytes) {
  const StructDesc& d = struct_desc(id);
  if (d.box) return Array{{field_value(d.fields[0], bytes)}};
  Struct s;
  s.fields.reserve(d.fields.size());
  const FieldDesc* sec = nullptr;
  const FieldDesc* frac = nullptr;
  for (const FieldDesc& f : d.fields) {
    s.fields.push_back(Field{std::string(f.name), field_value(f, bytes)});
    if (f.type == FieldT::TimeSec) sec = &f;
    if (f.type == FieldT::TimeUsec || f.type == FieldT::UtimeNsec) frac = &f;
  }
  if (!sec || !frac) return s;
  uint64_t part = load(bytes + frac->offset, frac->size);
  const bool nsec = frac->type == FieldT::UtimeNsec;
  // utimensat(2): these nanoseconds stand for "now" and "leave alone",
  // whatever the seconds; strace names the struct by them.
  if (nsec && part == static_cast<uint64_t>(UTIME_NOW)) return name_of(std::move(s), "UTIME_NOW");
  if (nsec && part == static_cast<uint64_t>(UTIME_OMIT)) return name_of(std::move(s), "UTIME_OMIT");
  // strace dates a timestamp only when its fraction is in range.
  if (part >= (nsec ? 1000000000u : 1000000u)) return s;
  std::string date = date_text(sign_extend(load(bytes + sec->offset, sec->size), sec->size),
                               static_cast<int64_t>(part), nsec ? 9 : 6);
  if (date.empty()) return s;
  return commented(std::move(s), std::move(date));
}

Value struct_value(Memory& mem, StructId id, uint64_t addr) {
  if (addr == 0) return Ptr{0};
  const StructDesc& d = struct_desc(id);
  std::vector<unsigned char> bytes(d.size);
  if (!mem.read(addr, bytes.data(), bytes.size())) return Ptr{addr};
  return struct_value_of(id, bytes.data());
}

Value struct_array_value(Memory& mem, StructId id, uint64_t addr, uint64_t count, size_t max_items) {
  if (addr == 0) return Ptr{0};
  const StructDesc& d = struct_desc(id);
  Array a;
  uint64_t shown = count < max_items ? count : max_items;
  std::vector<unsigned char> bytes(static_cast<size_t>(shown) * d.size);
  if (shown && !mem.read(addr, bytes.data(), bytes.size())) return Ptr{addr};
  // An array of boxes is an array of their values: [1, 2], not [[1], [2]].
  for (uint64_t k = 0; k < shown; ++k) {
    const unsigned char* e = bytes.data() + k * d.size;
    a.items.push_back(d.box ? field_value(d.fields[0], e) : struct_value_of(id, e));
  }
  a.elided = shown < count;
  return a;
}

}  // namespace sct
