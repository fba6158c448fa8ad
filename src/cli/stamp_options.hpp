// The arguments of strace's time options: --absolute-timestamps= (and
// --timestamps=), --relative-timestamps=, --syscall-times=.
#pragma once

#include <cstdint>
#include <string_view>

#include "sink/stamps.hpp"

namespace sct {

// "s", "ms", "us" or "ns", in any case: the digits after the second; -1 for
// anything else.
int parse_precision(std::string_view s);
// [[format:]none|time|unix][,[precision:]s|ms|us|ns]... into `o`, each item
// setting what it names (the last wins); without a format the absolute
// time is the time of day unless a format was given before. False when an
// item is not strace's.
bool parse_absolute_stamps(std::string_view arg, StampOptions& o);
// -O OVERHEAD[UNIT]: a decimal number, not negative, then s, ms, us or ns
// (microseconds without one), into nanoseconds. False for what strace
// refuses: hexadecimal, inf, nan, an overflow, any other suffix.
bool parse_overhead(const char* arg, int64_t& ns);

}  // namespace sct
