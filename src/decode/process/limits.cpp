// prlimit64, getrlimit, setrlimit.
#include <sys/resource.h>

#include <fmt/format.h>

#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {

constexpr XlatEntry kResources[] = {
    XLAT(RLIMIT_CPU),    XLAT(RLIMIT_FSIZE),   XLAT(RLIMIT_DATA),    XLAT(RLIMIT_STACK),
    XLAT(RLIMIT_CORE),   XLAT(RLIMIT_RSS),     XLAT(RLIMIT_NPROC),   XLAT(RLIMIT_NOFILE),
    XLAT(RLIMIT_MEMLOCK), XLAT(RLIMIT_AS),     XLAT(RLIMIT_LOCKS),   XLAT(RLIMIT_SIGPENDING),
    XLAT(RLIMIT_MSGQUEUE), XLAT(RLIMIT_NICE),  XLAT(RLIMIT_RTPRIO),  XLAT(RLIMIT_RTTIME),
};

// RLIM64_INFINITY, 8192*1024, or the plain number.
Value limit_value(uint64_t v) {
  if (v == ~uint64_t{0}) return Sym{"RLIM64_INFINITY", "Rlimits", -1, NumBase::Udec};
  if (v > 1024 && v % 1024 == 0) return Sym{fmt::format("{}*1024", v / 1024), "Rlimits", static_cast<int64_t>(v), NumBase::Udec};
  return Uint{v};
}

Value rlimit_at(Call& c, uint64_t addr) {
  if (addr == 0) return Ptr{0};
  auto r = c.read<rlimit>(addr);
  if (!r) return c.ptr(addr);
  return Struct{{{"rlim_cur", limit_value(r->rlim_cur)}, {"rlim_max", limit_value(r->rlim_max)}}};
}

}  // namespace

bool decode_prlimit64(Call& c) {
  if (c.entering()) {
    c.push(c.pid(c.iarg(0)));
    c.push(xlat_value(XSET(kResources), c.uarg(1), "RLIMIT_???"));
    c.push(rlimit_at(c, c.arg(2)));
    return false;
  }
  c.push(c.failed() && c.arg(3) ? c.ptr(c.arg(3)) : rlimit_at(c, c.arg(3)));
  return true;
}

bool decode_getrlimit(Call& c) {
  if (c.entering()) {
    c.push(xlat_value(XSET(kResources), c.uarg(0), "RLIMIT_???"));
    return false;
  }
  c.push(c.failed() ? c.ptr(c.arg(1)) : rlimit_at(c, c.arg(1)));
  return true;
}

bool decode_setrlimit(Call& c) {
  c.push(xlat_value(XSET(kResources), c.uarg(0), "RLIMIT_???"));
  c.push(rlimit_at(c, c.arg(1)));
  return true;
}

}  // namespace sct
