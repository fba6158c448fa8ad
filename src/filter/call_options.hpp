// The decode options of one syscall: the command line's, with what
// -e abbrev=, -e verbose= and -e raw= say of this call.
#pragma once

#include "core/decode_options.hpp"
#include "filter/filter_options.hpp"

namespace sct {

// Whether `set` holds syscall `nr`; a number beyond the table's range is in
// it only when the set holds every syscall.
inline bool set_has(const SyscallSet& set, long nr) {
  if (nr < 0 || nr >= kMaxSyscall) return set.all();
  return set.test(static_cast<size_t>(nr));
}

// Whether -e abbrev=, verbose= or raw= single some calls out; when none
// does, every call has the command line's options. Asked once, not per call.
inline bool options_vary(const FilterOptions& f) { return !(f.abbrev.all() && f.verbose.all() && f.raw.none()); }

// The options of call `nr`: `base` itself when nothing varies (`vary`, from
// options_vary: the everyday case, and no copy per call), else `scratch`
// filled in.
inline const DecodeOptions& call_options(const DecodeOptions& base, const FilterOptions& f, bool vary, long nr,
                                         DecodeOptions& scratch) {
  if (!vary) return base;
  scratch = base;
  // -v sets `verbose` and empties the abbrev set; the later -e abbrev=
  // clears `verbose` again (cli/options.cpp): the last one given counts.
  scratch.verbose = base.verbose || !set_has(f.abbrev, nr);
  scratch.structs = base.structs && set_has(f.verbose, nr);
  scratch.raw = base.raw || set_has(f.raw, nr);
  return scratch;
}

}  // namespace sct
