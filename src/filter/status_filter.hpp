// -e status= and -e signal=: which lines of calls and signals are shown.
// The session decides (Event::shown); sinks obey.
#pragma once

#include <cstddef>

#include "filter/filter_options.hpp"

namespace sct {

// Whether the outcome of a call passes -e status=: `ended` is false for a
// call that never returned ("= ?"), `failed` for an error return.
inline bool status_shown(const FilterOptions& f, bool ended, bool failed) {
  unsigned status = !ended ? kStatusUnfinished : failed ? kStatusFailed : kStatusSuccessful;
  return (f.status & status) != 0;
}

inline bool signal_shown(const FilterOptions& f, int sig) {
  return sig <= 0 || sig > 64 || f.signals.test(static_cast<size_t>(sig));
}

}  // namespace sct
