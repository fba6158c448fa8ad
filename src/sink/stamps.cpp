#include "sink/stamps.hpp"

#include <fmt/format.h>

#include <iterator>

namespace sct {

namespace {

// A count of nanoseconds cut (not rounded, as strace does) to `digits`
// digits after the second: 1234567 at 3 digits is "001".
void append_fraction(std::string& out, int64_t nsec, int digits) {
  if (digits <= 0) return;
  int64_t div = 1;
  for (int i = digits; i < 9; ++i) div *= 10;
  fmt::format_to(std::back_inserter(out), ".{:0{}}", nsec / div, digits);
}

}  // namespace

std::string line_stamp(const StampOptions& o, timespec wall, int64_t since_previous_ns) {
  std::string s;
  if (o.absolute == AbsoluteStamp::Unix) {
    fmt::format_to(std::back_inserter(s), "{}", static_cast<int64_t>(wall.tv_sec));
    append_fraction(s, wall.tv_nsec, o.absolute_digits);
  } else if (o.absolute == AbsoluteStamp::Time) {
    tm t;
    localtime_r(&wall.tv_sec, &t);
    fmt::format_to(std::back_inserter(s), "{:02}:{:02}:{:02}", t.tm_hour, t.tm_min, t.tm_sec);
    append_fraction(s, wall.tv_nsec, o.absolute_digits);
  }
  if (o.relative) {
    // With an absolute time, strace puts the relative one after it: "(+ ...)".
    const bool both = !s.empty();
    if (both) s += " (+";
    if (since_previous_ns < 0) since_previous_ns = 0;
    fmt::format_to(std::back_inserter(s), "{:6}", since_previous_ns / 1000000000);
    append_fraction(s, since_previous_ns % 1000000000, o.relative_digits);
    if (both) s += ')';
  }
  if (!s.empty()) s += ' ';
  return s;
}

std::string duration_stamp(int64_t ns, int digits) {
  if (ns < 0) ns = 0;
  std::string s = fmt::format(" <{}", ns / 1000000000);
  append_fraction(s, ns % 1000000000, digits);
  s += '>';
  return s;
}

}  // namespace sct
