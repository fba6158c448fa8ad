#include "sink/stamps.hpp"

#include <cstdlib>

#include <gtest/gtest.h>

namespace sct {
namespace {

// The wall clock of 01:43:14.107324641 UTC, 29 Nov 2026.
constexpr timespec kWall{1795916594, 107324641};

class StampsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The time of day is local time: pin the zone.
    setenv("TZ", "UTC", 1);
    tzset();
  }
};

StampOptions absolute(AbsoluteStamp f, int digits) {
  StampOptions o;
  o.absolute = f;
  o.absolute_digits = digits;
  return o;
}

TEST_F(StampsTest, AbsoluteTimeAtEachPrecision) {
  EXPECT_EQ(line_stamp(absolute(AbsoluteStamp::Time, 0), kWall, 0), "01:43:14 ");
  EXPECT_EQ(line_stamp(absolute(AbsoluteStamp::Time, 3), kWall, 0), "01:43:14.107 ");
  EXPECT_EQ(line_stamp(absolute(AbsoluteStamp::Time, 6), kWall, 0), "01:43:14.107324 ");
  EXPECT_EQ(line_stamp(absolute(AbsoluteStamp::Time, 9), kWall, 0), "01:43:14.107324641 ");
}

TEST_F(StampsTest, AbsoluteUnixAtEachPrecision) {
  EXPECT_EQ(line_stamp(absolute(AbsoluteStamp::Unix, 0), kWall, 0), "1795916594 ");
  EXPECT_EQ(line_stamp(absolute(AbsoluteStamp::Unix, 3), kWall, 0), "1795916594.107 ");
  EXPECT_EQ(line_stamp(absolute(AbsoluteStamp::Unix, 6), kWall, 0), "1795916594.107324 ");
  EXPECT_EQ(line_stamp(absolute(AbsoluteStamp::Unix, 9), kWall, 0), "1795916594.107324641 ");
}

TEST_F(StampsTest, FractionsAreCutNotRounded) {
  EXPECT_EQ(line_stamp(absolute(AbsoluteStamp::Unix, 3), {5, 999999999}, 0), "5.999 ");
  EXPECT_EQ(line_stamp(absolute(AbsoluteStamp::Unix, 6), {5, 1000}, 0), "5.000001 ");
}

TEST_F(StampsTest, RelativeAloneIsSixWideSeconds) {
  StampOptions o;
  o.relative = true;
  EXPECT_EQ(line_stamp(o, kWall, 0), "     0.000000 ");
  EXPECT_EQ(line_stamp(o, kWall, 1234567890123), "  1234.567890 ");
  o.relative_digits = 0;
  EXPECT_EQ(line_stamp(o, kWall, 2500000000), "     2 ");
  o.relative_digits = 3;
  EXPECT_EQ(line_stamp(o, kWall, 2500000000), "     2.500 ");
  o.relative_digits = 9;
  EXPECT_EQ(line_stamp(o, kWall, 238244), "     0.000238244 ");
}

TEST_F(StampsTest, RelativeAfterAbsoluteInParentheses) {
  StampOptions o = absolute(AbsoluteStamp::Time, 6);
  o.relative = true;
  EXPECT_EQ(line_stamp(o, kWall, 416000), "01:43:14.107324 (+     0.000416) ");
  o.absolute = AbsoluteStamp::Unix;
  o.relative_digits = 0;
  EXPECT_EQ(line_stamp(o, kWall, 0), "1795916594.107324 (+     0) ");
}

TEST_F(StampsTest, NoStampsNoPrefix) { EXPECT_EQ(line_stamp(StampOptions{}, kWall, 5), ""); }

TEST_F(StampsTest, DurationAtEachPrecision) {
  EXPECT_EQ(duration_stamp(7731, 6), " <0.000007>");
  EXPECT_EQ(duration_stamp(7731, 9), " <0.000007731>");
  EXPECT_EQ(duration_stamp(7731, 3), " <0.000>");
  EXPECT_EQ(duration_stamp(2007731000, 0), " <2>");
  EXPECT_EQ(duration_stamp(12007731000, 6), " <12.007731>");
}

}  // namespace
}  // namespace sct
