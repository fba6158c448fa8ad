#include "cli/stamp_options.hpp"

#include <gtest/gtest.h>

namespace sct {
namespace {

TEST(StampOptions, Precisions) {
  EXPECT_EQ(parse_precision("s"), 0);
  EXPECT_EQ(parse_precision("ms"), 3);
  EXPECT_EQ(parse_precision("US"), 6);
  EXPECT_EQ(parse_precision("Ns"), 9);
  EXPECT_EQ(parse_precision(""), -1);
  EXPECT_EQ(parse_precision("1"), -1);
  EXPECT_EQ(parse_precision("10us"), -1);
  EXPECT_EQ(parse_precision("precision:ns"), -1);
}

StampOptions absolute(std::string_view arg, StampOptions o = {}) {
  EXPECT_TRUE(parse_absolute_stamps(arg, o)) << arg;
  return o;
}

TEST(StampOptions, AbsoluteItemsSetWhatTheyName) {
  EXPECT_EQ(absolute("ns").absolute, AbsoluteStamp::Time);
  EXPECT_EQ(absolute("ns").absolute_digits, 9);
  EXPECT_EQ(absolute("unix").absolute, AbsoluteStamp::Unix);
  EXPECT_EQ(absolute("unix").absolute_digits, 0);
  StampOptions o = absolute("format:unix,precision:ms");
  EXPECT_EQ(o.absolute, AbsoluteStamp::Unix);
  EXPECT_EQ(o.absolute_digits, 3);
  o = absolute("ms,unix");
  EXPECT_EQ(o.absolute, AbsoluteStamp::Unix);
  EXPECT_EQ(o.absolute_digits, 3);
  // The last of each wins; empty items are skipped; prefixes in any case.
  o = absolute("unix,ns,time,,us");
  EXPECT_EQ(o.absolute, AbsoluteStamp::Time);
  EXPECT_EQ(o.absolute_digits, 6);
  EXPECT_EQ(absolute("FORMAT:unix").absolute, AbsoluteStamp::Unix);
  EXPECT_EQ(absolute("Precision:ns").absolute_digits, 9);
  EXPECT_EQ(absolute("none,ns").absolute, AbsoluteStamp::None);
  EXPECT_EQ(absolute("").absolute, AbsoluteStamp::Time);
  EXPECT_EQ(absolute(",").absolute, AbsoluteStamp::Time);
}

TEST(StampOptions, AbsoluteGivenAgainKeepsTheFormatItDoesNotName) {
  StampOptions o = absolute("unix");
  o = absolute("ns", o);
  EXPECT_EQ(o.absolute, AbsoluteStamp::Unix);
  EXPECT_EQ(o.absolute_digits, 9);
  // After "none", a precision alone turns the time of day on.
  o = absolute("none");
  EXPECT_EQ(absolute("ns", o).absolute, AbsoluteStamp::Time);
}

TEST(StampOptions, AbsoluteRejectsWhatStraceRejects) {
  for (const char* bad : {"bogus", "format:ms", "precision:", "format:unix:x", "format:precision:ns", "10ms",
                          "1", "1e-3", "unix,bogus"}) {
    StampOptions o;
    EXPECT_FALSE(parse_absolute_stamps(bad, o)) << bad;
  }
}

TEST(StampOptions, OverheadUnits) {
  int64_t ns = -1;
  EXPECT_TRUE(parse_overhead("1", ns));
  EXPECT_EQ(ns, 1000);
  EXPECT_TRUE(parse_overhead("1.5ms", ns));
  EXPECT_EQ(ns, 1500000);
  EXPECT_TRUE(parse_overhead("2s", ns));
  EXPECT_EQ(ns, 2000000000);
  EXPECT_TRUE(parse_overhead("7ns", ns));
  EXPECT_EQ(ns, 7);
  EXPECT_TRUE(parse_overhead(".5us", ns));
  EXPECT_EQ(ns, 500);
  EXPECT_TRUE(parse_overhead("\t1", ns));
  EXPECT_EQ(ns, 1000);
  EXPECT_TRUE(parse_overhead("1e3", ns));
  EXPECT_EQ(ns, 1000000);
  EXPECT_TRUE(parse_overhead("-0", ns));
  EXPECT_EQ(ns, 0);
  EXPECT_TRUE(parse_overhead("1e30", ns));
  EXPECT_EQ(ns, INT64_MAX);
}

TEST(StampOptions, OverheadRejectsWhatStraceRejects) {
  int64_t ns = 0;
  for (const char* bad : {"", "-1", "abc", "1m", "1h", "1S", "1MS", "1 ", " .5", "0x10", "0x1p3", "inf", "infinity",
                          "nan", "1e400"})
    EXPECT_FALSE(parse_overhead(bad, ns)) << bad;
}

}  // namespace
}  // namespace sct
