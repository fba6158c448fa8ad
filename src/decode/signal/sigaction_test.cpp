#include <signal.h>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

TEST(RtSigaction, HandlerMaskFlags) {
  FakeMemory m;
  uint64_t all_but_rt[1] = {~uint64_t{0} & ~(uint64_t{3} << 31)};
  uint64_t act[4] = {0x55e87f43cdc0, 0x04000000, 0x7f59a7b31050, all_but_rt[0]};
  m.put_obj(0x1000, act);
  EXPECT_EQ(trace_line("rt_sigaction", {SIGCHLD, 0x1000, 0, 8}, 0, m),
            "rt_sigaction(SIGCHLD, {sa_handler=0x55e87f43cdc0, sa_mask=~[RTMIN RT_1], sa_flags=SA_RESTORER, "
            "sa_restorer=0x7f59a7b31050}, NULL, 8) = 0");
  uint64_t dfl[4] = {0, 0, 0, 0};
  m.put_obj(0x2000, dfl);
  EXPECT_EQ(trace_line("rt_sigaction", {SIGINT, 0, 0x2000, 8}, 0, m),
            "rt_sigaction(SIGINT, NULL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0");
}

TEST(RtSigprocmask, Sets) {
  FakeMemory m;
  uint64_t set = uint64_t{1} << (SIGUSR2 - 1);
  m.put_obj(0x1000, set);
  EXPECT_EQ(trace_line("rt_sigprocmask", {SIG_BLOCK, 0x1000, 0, 8}, 0, m),
            "rt_sigprocmask(SIG_BLOCK, [USR2], NULL, 8) = 0");
}

}  // namespace
}  // namespace sct::testing
