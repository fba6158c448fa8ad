#include "core/struct_value.hpp"

#include <gtest/gtest.h>
#include <linux/time_types.h>
#include <sys/time.h>

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <string>

#include "testing/decode_harness.hpp"

namespace sct {
namespace {

using testing::FakeMemory;
using testing::trace_line;

TEST(StructValue, NestedStructsInAndOut) {
  FakeMemory m;
  __kernel_old_itimerval in{{0, 0}, {100, 5}}, out{{1, 2}, {3, -4}};
  m.put_obj(0x1000, in);
  m.put_obj(0x2000, out);
  EXPECT_EQ(trace_line("setitimer", {1, 0x1000, 0x2000}, 0, m),
            "setitimer(ITIMER_VIRTUAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=100, "
            "tv_usec=5}}, {it_interval={tv_sec=1, tv_usec=2}, it_value={tv_sec=3, "
            "tv_usec=18446744073709551612}}) = 0");
}

TEST(StructValue, FailedCallsShowOutArgumentsAsAddresses) {
  FakeMemory m;
  __kernel_old_itimerval in{{0, 0}, {100, 5}};
  m.put_obj(0x1000, in);
  m.put_obj(0x2000, in);
  EXPECT_EQ(trace_line("setitimer", {9, 0x1000, 0x2000}, -22, m),
            "setitimer(0x9 /* ITIMER_??? */, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=100, "
            "tv_usec=5}}, 0x2000) = -1 EINVAL (Invalid argument)");
}

TEST(StructValue, BadPointersAndNull) {
  FakeMemory m;
  EXPECT_EQ(trace_line("settimeofday", {0x1, 0}, -14, m), "settimeofday(0x1, NULL)                 = -1 EFAULT (Bad address)");
  EXPECT_EQ(trace_line("gettimeofday", {0x1, 0x2}, -14, m), "gettimeofday(0x1, 0x2)                  = -1 EFAULT (Bad address)");
  // A struct cut short by the end of readable memory is unreadable as a whole.
  m.put(0x3000, std::string(12, '\0'));
  EXPECT_EQ(trace_line("clock_settime", {0, 0x3000}, -22, m),
            "clock_settime(CLOCK_REALTIME, 0x3000)   = -1 EINVAL (Invalid argument)");
}

TEST(StructValue, BoxesAndIntWidths) {
  FakeMemory m;
  unsigned ids[3] = {0, 1000, 0xffffffffu};
  m.put_obj(0x1000, ids[0]);
  m.put_obj(0x2000, ids[1]);
  m.put_obj(0x3000, ids[2]);
  EXPECT_EQ(trace_line("getresuid", {0x1000, 0x2000, 0x3000}, 0, m), "getresuid([0], [1000], [-1])            = 0");
  struct timezone tz{-60, 1};
  m.put_obj(0x4000, tz);
  EXPECT_EQ(trace_line("settimeofday", {0, 0x4000}, -1, m),
            "settimeofday(NULL, {tz_minuteswest=-60, tz_dsttime=1}) = -1 EPERM (Operation not permitted)");
  int prio = -5;
  m.put_obj(0x5000, prio);
  EXPECT_EQ(trace_line("sched_setscheduler", {0, 0x40000003, 0x5000}, -22, m),
            "sched_setscheduler(0, 0x40000003 /* SCHED_??? */, [-5]) = -1 EINVAL (Invalid argument)");
}

}  // namespace
}  // namespace sct

namespace sct {
namespace {

TEST(StructValue, ArraysCountedByAnArgumentAndElidedBySLimit) {
  FakeMemory m;
  struct {
    unsigned short num;
    short op;
    short flg;
  } sb[3] = {{0, 1, 0x1000}, {1, 0, 0x800}, {2, -1, 0x10}};
  m.put_obj(0x1000, sb);
  EXPECT_EQ(trace_line("semop", {7, 0x1000, 2}, 0, m),
            "semop(7, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}, {sem_num=1, sem_op=0, sem_flg=IPC_NOWAIT}], 2) = 0");
  DecodeOptions s1;
  s1.max_strlen = 1;
  EXPECT_EQ(trace_line("semop", {7, 0x1000, 3}, 0, m, s1),
            "semop(7, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}, ...], 3) = 0");
  EXPECT_EQ(trace_line("semop", {7, 0x1000, 0x100000000}, -22, m),
            "semop(7, [], 0)                         = -1 EINVAL (Invalid argument)");
  // More elements than the memory holds: the array is unreadable.
  EXPECT_EQ(trace_line("semop", {7, 0x1000, 4}, -14, m),
            "semop(7, 0x1000, 4)                     = -1 EFAULT (Bad address)");
}

TEST(StructValue, ArraysCountedByTheReturnValue) {
  FakeMemory m;
  uint64_t ev[4] = {0x1234, 0x5000, 3, 0};
  m.put_obj(0x1000, ev);
  EXPECT_EQ(trace_line("io_getevents", {0x7000, 1, 2, 0x1000, 0}, 1, m),
            "io_getevents(0x7000, 1, 2, [{data=0x1234, obj=0x5000, res=3, res2=0}], NULL) = 1");
  EXPECT_EQ(trace_line("io_getevents", {0x7000, 1, 2, 0x1000, 0}, -22, m),
            "io_getevents(0x7000, 1, 2, 0x1000, NULL) = -1 EINVAL (Invalid argument)");
}

}  // namespace
}  // namespace sct

namespace sct {
namespace {

TEST(StructValue, TimesCarryTheirDate) {
  const char* old = getenv("TZ");
  std::string saved = old ? old : "";
  setenv("TZ", "UTC", 1);
  tzset();
  FakeMemory m;
  int64_t ub[2] = {1, INT64_MAX};
  m.put_obj(0x1000, ub);
  m.put_str(0x2000, "/f");
  // A time localtime cannot convert prints bare.
  EXPECT_EQ(trace_line("utime", {0x2000, 0x1000}, -2, m),
            "utime(\"/f\", {actime=1 /* 1970-01-01T00:00:01+0000 */, modtime=9223372036854775807}) = -1 ENOENT "
            "(No such file or directory)");
  if (old) setenv("TZ", saved.c_str(), 1);
  else unsetenv("TZ");
  tzset();
}

}  // namespace
}  // namespace sct

namespace sct {
namespace {

// Expected lines: strace 6.1's (tests/golden/time_compat.out, numa_pages.out).
TEST(StructValue, TimevalPairsAreDatedWhenTheirMicrosecondsAreValid) {
  const char* old = getenv("TZ");
  std::string saved = old ? old : "";
  setenv("TZ", "UTC", 1);
  tzset();
  FakeMemory m;
  int64_t tv[4] = {1700000000, 5, 0, 1000000};
  m.put_obj(0x1000, tv);
  m.put_str(0x2000, "f");
  EXPECT_EQ(trace_line("utimes", {0x2000, 0x1000}, -22, m),
            "utimes(\"f\", [{tv_sec=1700000000, tv_usec=5} /* 2023-11-14T22:13:20.000005+0000 */, "
            "{tv_sec=0, tv_usec=1000000}]) = -1 EINVAL (Invalid argument)");
  int64_t tv2[4] = {1700000000, 0, 0, -1};
  m.put_obj(0x3000, tv2);
  EXPECT_EQ(trace_line("futimesat", {0xffffffffffffff9c, 0x2000, 0x3000}, -22, m),
            "futimesat(AT_FDCWD, \"f\", [{tv_sec=1700000000, tv_usec=0} /* 2023-11-14T22:13:20+0000 */, "
            "{tv_sec=0, tv_usec=18446744073709551615}]) = -1 EINVAL (Invalid argument)");
  // The second time runs past what can be read: the address.
  EXPECT_EQ(testing::trace_line_unpadded("utimes", {0x2000, 0x1008}, -14, m), "utimes(\"f\", 0x1008) = -1 EFAULT (Bad address)");
  if (old) setenv("TZ", saved.c_str(), 1);
  else unsetenv("TZ");
  tzset();
}

// Arrays of boxes print their values; a negative status is an errno.
TEST(StructValue, ArraysOfBoxesAndErrnoStatus) {
  FakeMemory m;
  uint64_t pages[2] = {0x7000, 0};
  int nodes[2] = {0, 1};
  int status[2] = {0, -14};
  m.put_obj(0x1000, pages);
  m.put_obj(0x2000, nodes);
  m.put_obj(0x3000, status);
  EXPECT_EQ(trace_line("move_pages", {0, 2, 0x1000, 0x2000, 0x3000, 2}, 0, m),
            "move_pages(0, 2, [0x7000, NULL], [0, 1], [0, -EFAULT], MPOL_MF_MOVE) = 0");
  EXPECT_EQ(trace_line("move_pages", {0, 2, 0x1000, 0, 0x3000, 0xffffffff00000001}, -22, m),
            "move_pages(0, 2, [0x7000, NULL], NULL, 0x3000, 0x1 /* MPOL_??? */) = -1 EINVAL (Invalid argument)");
}

}  // namespace
}  // namespace sct
