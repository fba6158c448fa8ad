#include "diagnose/findings.hpp"

#include <csignal>

#include <gtest/gtest.h>

namespace sct {
namespace {

TEST(Findings, Durations) {
  EXPECT_EQ(duration_text(12345678901), "12.3 s");
  EXPECT_EQ(duration_text(850000000), "850 ms");
  EXPECT_EQ(duration_text(41000), "41 us");
}

TEST(Findings, StopSignalNamedOnlyWhenTheOthersCannotStop) {
  ThreadSnapshot t;
  t.state = 'T';
  EXPECT_EQ(stop_text(t), "stopped (SIGSTOP or SIGTSTP/SIGTTIN/SIGTTOU)");
  t.sig_caught = 1ull << (SIGTSTP - 1);
  t.sig_ignored = (1ull << (SIGTTIN - 1)) | (1ull << (SIGTTOU - 1));
  EXPECT_EQ(stop_text(t), "stopped (SIGSTOP)");
}

}  // namespace
}  // namespace sct
