// struct sigevent as strace 6.1 prints it: sigev_value only when it is not
// zero (as both members of the union), the signal, the notification, and
// the member of the notification's union that it uses.
#include "decode/signal/sigevent.hpp"

#include <signal.h>

#include "core/xlat.hpp"

namespace sct {

namespace {

constexpr XlatEntry kSigevNotify[] = {
    XLAT(SIGEV_SIGNAL), XLAT(SIGEV_NONE), XLAT(SIGEV_THREAD), XLAT(SIGEV_THREAD_ID)};

}  // namespace

Value sigevent_at(Call& c, uint64_t addr) {
  if (addr == 0) return Ptr{0};
  auto e = c.read<sigevent>(addr);
  if (!e) return c.ptr(addr);
  Struct s;
  auto ptr = reinterpret_cast<uint64_t>(e->sigev_value.sival_ptr);
  if (ptr != 0) {
    s.fields.push_back({"sigev_value", Struct{{{"sival_int", Int{e->sigev_value.sival_int}},
                                               {"sival_ptr", Hex{ptr}}}}});
  }
  s.fields.push_back({"sigev_signo", signal_value(e->sigev_signo)});
  s.fields.push_back({"sigev_notify", xlat_value(XSET(kSigevNotify), static_cast<uint32_t>(e->sigev_notify), "SIGEV_???")});
  if (e->sigev_notify == SIGEV_THREAD_ID) {
    s.fields.push_back({"sigev_notify_thread_id", Int{e->_sigev_un._tid}});
  } else if (e->sigev_notify == SIGEV_THREAD) {
    s.fields.push_back({"sigev_notify_function", c.ptr(reinterpret_cast<uint64_t>(e->_sigev_un._sigev_thread._function))});
    s.fields.push_back({"sigev_notify_attributes", c.ptr(reinterpret_cast<uint64_t>(e->_sigev_un._sigev_thread._attribute))});
  }
  return s;
}

}  // namespace sct
