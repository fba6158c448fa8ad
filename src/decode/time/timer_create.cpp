// timer_create: the clock, the notification asked for, and the id the
// kernel stores at exit ([0]; the address when the call failed).
#include "core/call.hpp"
#include "core/xlat.hpp"
#include "decode/signal/sigevent.hpp"

namespace sct {

bool decode_timer_create(Call& c) {
  if (c.entering()) {
    c.push(xlat_value(kClockIds, c.uarg(0), "CLOCK_???"));
    c.push(sigevent_at(c, c.arg(1)));
    return false;
  }
  auto id = c.failed() ? std::nullopt : c.read<int>(c.arg(2));
  c.push(id ? Value(Array{{Int{*id}}}) : c.ptr(c.arg(2)));
  return true;
}

}  // namespace sct
