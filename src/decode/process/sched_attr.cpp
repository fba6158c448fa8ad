// sched_setattr, sched_getattr: struct sched_attr grows with the kernel; its
// size field says which version it is (0: the first, 48 bytes), and the
// utilization clamps print only from the second (56 bytes); the policy
// (SCHED_FLAG_KEEP_POLICY or _KEEP_PARAMS) and the parameters
// (SCHED_FLAG_KEEP_PARAMS) the kernel keeps are left out, as strace does.
#include <linux/sched.h>

#include <cstring>

#include "core/arg_sets.hpp"
#include "syscalls/arg_set_ids.hpp"
#include "core/call.hpp"

namespace sct {

namespace {

// The layout of <linux/sched/types.h>, which cannot be included beside
// glibc's <sched.h> (both define struct sched_param).
struct SchedAttr {
  uint32_t size;
  uint32_t sched_policy;
  uint64_t sched_flags;
  int32_t sched_nice;
  uint32_t sched_priority;
  uint64_t sched_runtime;
  uint64_t sched_deadline;
  uint64_t sched_period;
  uint32_t sched_util_min;
  uint32_t sched_util_max;
};
constexpr uint32_t kVer0 = 48;  // SCHED_ATTR_SIZE_VER0
constexpr uint32_t kVer1 = 56;  // SCHED_ATTR_SIZE_VER1
static_assert(sizeof(SchedAttr) == kVer1 && offsetof(SchedAttr, sched_util_min) == kVer0);

// The struct at `addr`, `avail` bytes of it readable at most; its address
// when even the first version cannot be read.
Value sched_attr(Call& c, uint64_t addr, uint64_t avail) {
  if (addr == 0) return Ptr{0};
  SchedAttr a{};
  if (avail < kVer0 || !c.fetch(addr, &a, kVer0)) return c.ptr(addr);
  uint32_t size = a.size ? a.size : kVer0;
  bool clamps = size >= kVer1 && avail >= kVer1 && c.fetch(addr, &a, kVer1);
  Struct s;
  s.fields.push_back({"size", Uint{a.size}});
  // Keeping the parameters keeps the policy too.
  if (!(a.sched_flags & (SCHED_FLAG_KEEP_POLICY | SCHED_FLAG_KEEP_PARAMS)))
    s.fields.push_back({"sched_policy", arg_set_value(ArgSet::SchedPolicy, a.sched_policy)});
  s.fields.push_back({"sched_flags", arg_set_value(ArgSet::SchedFlags, a.sched_flags)});
  if (!(a.sched_flags & SCHED_FLAG_KEEP_PARAMS)) {
    s.fields.push_back({"sched_nice", Int{a.sched_nice}});
    s.fields.push_back({"sched_priority", Uint{a.sched_priority}});
    s.fields.push_back({"sched_runtime", Uint{a.sched_runtime}});
    s.fields.push_back({"sched_deadline", Uint{a.sched_deadline}});
    s.fields.push_back({"sched_period", Uint{a.sched_period}});
  }
  if (clamps) {
    s.fields.push_back({"sched_util_min", Uint{a.sched_util_min}});
    s.fields.push_back({"sched_util_max", Uint{a.sched_util_max}});
  }
  return s;
}

}  // namespace

// Read by the call at entry: as long as the struct says it is.
bool decode_sched_setattr(Call& c) {
  c.push(c.pid(c.iarg(0)));
  c.push(sched_attr(c, c.arg(1), kVer1));
  c.push(Uint{c.uarg(2)});
  return true;
}

// Written by the call: as many bytes as the size argument allows.
bool decode_sched_getattr(Call& c) {
  if (c.entering()) {
    c.push(c.pid(c.iarg(0)));
    return false;
  }
  c.push(c.failed() ? c.ptr(c.arg(1)) : sched_attr(c, c.arg(1), c.uarg(2)));
  c.push(Uint{c.uarg(2)});
  c.push(Uint{c.uarg(3)});
  return true;
}

}  // namespace sct
