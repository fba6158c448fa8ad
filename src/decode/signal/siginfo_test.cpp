#include "decode/signal/siginfo.hpp"

#include <signal.h>

#include <gtest/gtest.h>

#include "core/text_render.hpp"

namespace sct {
namespace {

// A POSIX timer's signal (timeout(1), tail -f), as strace 6.1 prints it:
// the timer's id in hex, the overrun count and the value, even when zero.
TEST(Siginfo, TimerExpiry) {
  siginfo_t si{};
  si.si_signo = SIGALRM;
  si.si_code = SI_TIMER;
  DecodeOptions o;
  std::string t;
  render_value(t, decode_siginfo(si), o);
  EXPECT_EQ(t, "{si_signo=SIGALRM, si_code=SI_TIMER, si_timerid=0, si_overrun=0, si_int=0, si_ptr=NULL}");
  si.si_timerid = 2;
  si.si_value.sival_int = 5;
  t.clear();
  render_value(t, decode_siginfo(si), o);
  EXPECT_EQ(t, "{si_signo=SIGALRM, si_code=SI_TIMER, si_timerid=0x2, si_overrun=0, si_int=5, si_ptr=0x5}");
}

}  // namespace
}  // namespace sct
