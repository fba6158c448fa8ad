// utimensat's two struct timespec (structs.def: TimespecUtime). Expected
// lines: strace 6.1's (tests/golden/time_compat.out, and strace -X raw,
// -X verbose on the same calls).
#include <gtest/gtest.h>
#include <linux/time_types.h>
#include <sys/stat.h>

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <string>

#include "core/decode_options.hpp"
#include "testing/decode_harness.hpp"

namespace sct {
namespace {

using testing::FakeMemory;
using testing::trace_line_unpadded;

constexpr uint64_t kAtFdcwd = 0xffffffffffffff9c;

// Dates are local: pin the zone strace's lines were taken in.
class Utimensat : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* old = getenv("TZ");
    had_tz_ = old != nullptr;
    saved_ = old ? old : "";
    setenv("TZ", "UTC", 1);
    tzset();
    m_.put_str(0x2000, "f");
  }
  void TearDown() override {
    if (had_tz_) setenv("TZ", saved_.c_str(), 1);
    else unsetenv("TZ");
    tzset();
  }
  void put(uint64_t addr, __kernel_timespec a, __kernel_timespec b) {
    __kernel_timespec ts[2] = {a, b};
    m_.put_obj(addr, ts);
  }
  FakeMemory m_;
  bool had_tz_ = false;
  std::string saved_;
};

TEST_F(Utimensat, SpecialNanosecondsNameTheTime) {
  put(0x1000, {0, UTIME_NOW}, {0, UTIME_OMIT});
  EXPECT_EQ(trace_line_unpadded("utimensat", {kAtFdcwd, 0x2000, 0x1000, 0}, 0, m_),
            "utimensat(AT_FDCWD, \"f\", [UTIME_NOW, UTIME_OMIT], 0) = 0");
  // Whatever the seconds; beside a dated time.
  put(0x1000, {5, UTIME_OMIT}, {1700000000, 123456789});
  EXPECT_EQ(trace_line_unpadded("utimensat", {kAtFdcwd, 0x2000, 0x1000, 0x100}, 0, m_),
            "utimensat(AT_FDCWD, \"f\", [UTIME_OMIT, {tv_sec=1700000000, tv_nsec=123456789} /* "
            "2023-11-14T22:13:20.123456789+0000 */], AT_SYMLINK_NOFOLLOW) = 0");
}

TEST_F(Utimensat, DatedOnlyWhenTheNanosecondsAreValid) {
  put(0x1000, {1577836800, 0}, {-1, 999999999});
  EXPECT_EQ(trace_line_unpadded("utimensat", {kAtFdcwd, 0x2000, 0x1000, 0}, 0, m_),
            "utimensat(AT_FDCWD, \"f\", [{tv_sec=1577836800, tv_nsec=0} /* 2020-01-01T00:00:00+0000 */, "
            "{tv_sec=-1, tv_nsec=999999999} /* 1969-12-31T23:59:59.999999999+0000 */], 0) = 0");
  // 10^9, one past UTIME_NOW, -1, and UTIME_OMIT with a high bit: numbers,
  // undated; a time localtime cannot convert is undated too.
  put(0x1000, {1577836800, 1000000000}, {INT64_MAX, UTIME_NOW + 1});
  EXPECT_EQ(trace_line_unpadded("utimensat", {kAtFdcwd, 0x2000, 0x1000, 0}, -22, m_),
            "utimensat(AT_FDCWD, \"f\", [{tv_sec=1577836800, tv_nsec=1000000000}, "
            "{tv_sec=9223372036854775807, tv_nsec=1073741824}], 0) = -1 EINVAL (Invalid argument)");
  put(0x1000, {-1, -1}, {0, UTIME_OMIT | 1L << 40});
  EXPECT_EQ(trace_line_unpadded("utimensat", {kAtFdcwd, 0x2000, 0x1000, 0}, -22, m_),
            "utimensat(AT_FDCWD, \"f\", [{tv_sec=-1, tv_nsec=18446744073709551615}, "
            "{tv_sec=0, tv_nsec=1100585369598}], 0) = -1 EINVAL (Invalid argument)");
}

TEST_F(Utimensat, NullBadPointerAndFailure) {
  EXPECT_EQ(trace_line_unpadded("utimensat", {kAtFdcwd, 0x2000, 0, 0}, 0, m_),
            "utimensat(AT_FDCWD, \"f\", NULL, 0) = 0");
  EXPECT_EQ(trace_line_unpadded("utimensat", {kAtFdcwd, 0x2000, 1, 0}, -14, m_),
            "utimensat(AT_FDCWD, \"f\", 0x1, 0) = -1 EFAULT (Bad address)");
  // The second time runs past what can be read: the address.
  put(0x1000, {0, UTIME_NOW}, {0, UTIME_OMIT});
  EXPECT_EQ(trace_line_unpadded("utimensat", {kAtFdcwd, 0x2000, 0x1010, 0}, -14, m_),
            "utimensat(AT_FDCWD, \"f\", 0x1010, 0) = -1 EFAULT (Bad address)");
  // An input array prints at entry whatever the call returns.
  EXPECT_EQ(trace_line_unpadded("utimensat", {0xffffffff, 0, 0x1000, 0x10100}, -9, m_),
            "utimensat(-1, NULL, [UTIME_NOW, UTIME_OMIT], AT_SYMLINK_NOFOLLOW|0x10000) = -1 EBADF (Bad "
            "file descriptor)");
}

TEST_F(Utimensat, RawAndVerboseShowTheStruct) {
  put(0x1000, {100000000000, UTIME_NOW}, {1, 0});
  DecodeOptions raw, verbose;
  raw.xlat = XlatStyle::Raw;
  verbose.xlat = XlatStyle::Verbose;
  EXPECT_EQ(trace_line_unpadded("utimensat", {kAtFdcwd, 0x2000, 0x1000, 0x100}, 0, m_, raw),
            "utimensat(-100, \"f\", [{tv_sec=100000000000, tv_nsec=1073741823}, {tv_sec=1, tv_nsec=0} /* "
            "1970-01-01T00:00:01+0000 */], 0x100) = 0");
  EXPECT_EQ(trace_line_unpadded("utimensat", {kAtFdcwd, 0x2000, 0x1000, 0x100}, 0, m_, verbose),
            "utimensat(-100 /* AT_FDCWD */, \"f\", [{tv_sec=100000000000, tv_nsec=1073741823} /* UTIME_NOW */, "
            "{tv_sec=1, tv_nsec=0} /* 1970-01-01T00:00:01+0000 */], 0x100 /* AT_SYMLINK_NOFOLLOW */) = 0");
}

}  // namespace
}  // namespace sct
