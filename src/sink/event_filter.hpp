// What every sink filters the same way: -e status= and -e signal=.
#pragma once

#include "core/event.hpp"
#include "filter/filter_options.hpp"

namespace sct {

// The -e status= class of a finished (or never finished) call.
inline unsigned call_status(const Event& e) {
  if (e.kind == Event::Kind::SyscallNoReturn) return kStatusUnfinished;
  return call_failed(*e.call) ? kStatusFailed : kStatusSuccessful;
}

inline bool signal_shown(const FilterOptions& f, int sig) {
  return sig <= 0 || sig > 64 || f.signals.test(static_cast<size_t>(sig));
}

}  // namespace sct
