// The times strace puts on a line: the absolute time (-t, -tt, -ttt,
// --absolute-timestamps=), the time since the previous line (-r) and the
// time spent in the call (-T), each at a precision of s, ms, us or ns.
#pragma once

#include <cstdint>
#include <ctime>
#include <string>

namespace sct {

enum class AbsoluteStamp : uint8_t { None, Time, Unix };

struct StampOptions {
  AbsoluteStamp absolute = AbsoluteStamp::None;
  int absolute_digits = 0;  // digits after the second: 0, 3, 6 or 9
  bool relative = false;    // -r
  int relative_digits = 6;
  bool durations = false;   // -T
  int duration_digits = 6;
  bool any() const { return absolute != AbsoluteStamp::None || relative || durations; }
};

// What starts a line, its trailing space included: "01:43:14.107324 ",
// "     0.000239 ", "01:43:14 (+     0.000239) ", or "" with no stamps.
// `since_previous_ns`: the time since the previous line began.
std::string line_stamp(const StampOptions& o, timespec wall, int64_t since_previous_ns);
// What ends a finished call's line under -T: " <0.000007>".
std::string duration_stamp(int64_t ns, int digits);

}  // namespace sct
