// nanosleep, clock_nanosleep, clock_gettime.
#include <time.h>

#include "core/call.hpp"
#include "core/xlat.hpp"
#include "decode/common.hpp"

namespace sct {

namespace {
constexpr XlatEntry kTimerFlags[] = {XLAT(TIMER_ABSTIME)};

// The remaining time is written only when the sleep is interrupted.
Value remaining(Call& c, uint64_t addr) {
  if (addr == 0) return Ptr{0};
  if (!c.failed()) return Ptr{addr};
  return timespec_at(c, addr);
}
}  // namespace

bool decode_nanosleep(Call& c) {
  if (c.entering()) {
    c.push(timespec_at(c, c.arg(0)));
    return false;
  }
  c.push(remaining(c, c.arg(1)));
  return true;
}

bool decode_clock_nanosleep(Call& c) {
  if (c.entering()) {
    c.push(xlat_value_dec(XSET(kClockIds), c.iarg(0), nullptr));
    c.push(flags_of(XSET(kTimerFlags), c.uarg(1)));
    c.push(timespec_at(c, c.arg(2)));
    return false;
  }
  c.push(remaining(c, c.arg(3)));
  return true;
}

bool decode_clock_gettime(Call& c) {
  if (c.entering()) {
    c.push(xlat_value_dec(XSET(kClockIds), c.iarg(0), nullptr));
    return false;
  }
  c.push(c.failed() ? c.ptr(c.arg(1)) : timespec_at(c, c.arg(1)));
  return true;
}

}  // namespace sct
