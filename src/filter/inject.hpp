// -e inject= and -e fault=: strace's syntax, parsed (docs/inject.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/tampering.hpp"
#include "filter/filter_options.hpp"

namespace sct {

// One -e inject= or -e fault= expression: what to do, and to which
// invocations (when=FIRST[..LAST][+[STEP]], 1-based).
struct InjectRule {
  Tampering what;
  uint32_t first = 1;
  uint32_t last = UINT32_MAX;  // inclusive; no LAST: no end
  uint32_t step = 1;           // 0: FIRST only

  // Whether the n-th invocation (1-based) is tampered with.
  bool applies(uint64_t n) const {
    if (n < first || n > last) return false;
    return step ? (n - first) % step == 0 : n == first;
  }
};

struct InjectOptions {
  std::vector<InjectRule> rules;
  // Per syscall number, the rule of the last expression whose set named it
  // (strace's rule); -1 for none.
  std::vector<int> rule_of;

  bool any() const { return !rules.empty(); }
  const InjectRule* rule_for(long nr) const {
    if (nr < 0 || static_cast<size_t>(nr) >= rule_of.size() || rule_of[nr] < 0) return nullptr;
    return &rules[static_cast<size_t>(rule_of[nr])];
  }
};

// Parses the text after "inject=" (fault: after "fault=") and adds it to
// `out`. Returns strace's error message or empty; `warnings` gets strace's
// warnings about a return value that looks like an error, said before any
// error, as strace says them while it parses.
std::string parse_inject(const std::string& expr, bool fault, InjectOptions& out,
                         std::vector<std::string>& warnings);

// A strace time specification (delay_enter=, -O): a decimal number with an
// optional unit s, ms, us or ns (none: microseconds). False when invalid.
bool parse_time_spec(const std::string& s, int64_t& ns);

}  // namespace sct
