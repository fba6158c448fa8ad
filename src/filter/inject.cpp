#include "filter/inject.hpp"

#include <strings.h>

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>

#include "core/xlat.hpp"
#include "filter/expressions.hpp"
#include "syscalls/syscall_table.hpp"

namespace sct {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// A decimal number within [lo, hi]; strace takes a leading '+' here.
bool parse_decimal(std::string_view s, uint64_t lo, uint64_t hi, uint64_t& out) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  if (!all_digits(s) || s.size() > 19) return false;
  uint64_t v = std::strtoull(std::string(s).c_str(), nullptr, 10);
  if (v < lo || v > hi) return false;
  out = v;
  return true;
}

// error=: a name strace knows (any case) or a number 1..4095.
bool parse_error(const std::string& s, uint64_t& out) {
  if (parse_decimal(s, 1, 4095, out)) return true;
  for (int e = 1; e <= 4095; ++e) {
    const char* name = errno_name(e);
    if (name && strcasecmp(name, s.c_str()) == 0) {
      out = static_cast<uint64_t>(e);
      return true;
    }
  }
  return false;
}

// retval=: any 64-bit value, in C's notations (strtoull: 0x, 0, '-').
bool parse_retval(const std::string& s, uint64_t& out) {
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  uint64_t v = std::strtoull(s.c_str(), &end, 0);
  if (errno || *end) return false;
  out = v;
  return true;
}

// What strace warns of a return value the tracee may read as an error, on
// this personality or on the 32-bit one.
void retval_warnings(uint64_t v, std::vector<std::string>& warnings) {
  constexpr uint64_t kMaxErrno = 4095;
  const uint32_t compat = static_cast<uint32_t>(v);
  if (v >= -kMaxErrno)
    warnings.push_back(fmt::format("Inadvertent injection of error {} is possible for retval={}", -v, v));
  else if (compat >= static_cast<uint32_t>(-kMaxErrno))
    warnings.push_back(fmt::format("Inadvertent injection of error {} is possible in compat personality for retval={}",
                                   static_cast<uint32_t>(-compat), v));
  else if (v > UINT32_MAX)
    warnings.push_back(fmt::format("Injected return value {} will be clipped to {} in compat personality", v, compat));
}

// signal=: a number 1..64, or a name with or without SIG, any case.
bool parse_signal(const std::string& s, int& out) {
  uint64_t n;
  if (all_digits(s)) {
    if (!parse_decimal(s, 1, 64, n)) return false;
    out = static_cast<int>(n);
    return true;
  }
  for (int sig = 1; sig <= 64; ++sig) {
    std::string name = signal_name(sig);
    if (name.empty()) continue;
    if (strcasecmp(s.c_str(), name.c_str()) == 0 || strcasecmp(s.c_str(), name.c_str() + 3) == 0) {
      out = sig;
      return true;
    }
  }
  return false;
}

// syscall=: a plain name of a call without side effects (%pure), as strace
// allows.
bool parse_substitute(const std::string& s, long& out) {
  const SyscallInfo* info = syscall_by_name(s);
  if (!info || !(info->classes & PU)) return false;
  out = info->nr;
  return true;
}

// when=FIRST[..LAST][+[STEP]]: FIRST and STEP 1..65535, LAST 1..65534.
bool parse_when(const std::string& s, InjectRule& r) {
  std::string_view v = s;
  size_t plus = v.find('+', 1);  // a leading '+' belongs to FIRST
  std::string_view range = v.substr(0, plus);
  std::string_view step = plus == std::string_view::npos ? std::string_view() : v.substr(plus + 1);
  size_t dots = range.find("..");
  uint64_t first, last = UINT32_MAX, n;
  if (!parse_decimal(range.substr(0, dots), 1, 65535, first)) return false;
  if (dots != std::string_view::npos) {
    if (!parse_decimal(range.substr(dots + 2), 1, 65534, last) || last < first) return false;
  }
  uint32_t st = 0;
  if (plus != std::string_view::npos) {
    st = 1;
    if (!step.empty()) {
      if (!parse_decimal(step, 1, 65535, n)) return false;
      st = static_cast<uint32_t>(n);
    }
  } else if (dots != std::string_view::npos) {
    st = 1;  // FIRST..LAST: every one of them
  }
  r.first = static_cast<uint32_t>(first);
  r.last = dots == std::string_view::npos && plus == std::string_view::npos ? r.first : static_cast<uint32_t>(last);
  r.step = st;
  return true;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// poke_enter=@argN=HEX,@argM=HEX...: N 1..7, each argument once, at most
// 1024 bytes each (strace's limits).
bool parse_pokes(const std::string& s, std::vector<Poke>& out) {
  constexpr size_t kMaxBytes = 1024;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find(',', i);
    if (j == std::string::npos) j = s.size();
    std::string_view item = std::string_view(s).substr(i, j - i);
    i = j + 1;
    if (item.empty()) continue;
    if (item.size() < 7 || item.substr(0, 4) != "@arg" || item[4] < '1' || item[4] > '7' || item[5] != '=')
      return false;
    Poke p;
    p.arg = item[4] - '1';
    for (const Poke& q : out)
      if (q.arg == p.arg) return false;
    std::string_view hex = item.substr(6);
    if (hex.size() >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X')) hex.remove_prefix(2);
    if (hex.size() % 2 || hex.size() / 2 > kMaxBytes) return false;
    for (size_t k = 0; k < hex.size(); k += 2) {
      int hi = hex_digit(hex[k]), lo = hex_digit(hex[k + 1]);
      if (hi < 0 || lo < 0) return false;
      p.bytes += static_cast<char>(hi << 4 | lo);
    }
    out.push_back(std::move(p));
  }
  return !out.empty();
}

}  // namespace

bool parse_time_spec(const std::string& s, int64_t& ns) {
  // strtod's decimal form only: no sign, hex, infinity or NaN.
  if (s.empty() || !(isdigit(static_cast<unsigned char>(s[0])) || s[0] == '.')) return false;
  if (s.find_first_of("xXpP") != std::string::npos) return false;
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || std::isnan(v) || v < 0) return false;
  std::string_view unit = end;
  double scale;
  if (unit.empty() || unit == "us") scale = 1e3;
  else if (unit == "s") scale = 1e9;
  else if (unit == "ms") scale = 1e6;
  else if (unit == "ns") scale = 1;
  else return false;
  double total = v * scale;
  ns = total >= 9.2e18 ? INT64_MAX : static_cast<int64_t>(std::llround(total));
  return true;
}

std::string parse_inject(const std::string& expr, bool fault, InjectOptions& out,
                         std::vector<std::string>& warnings) {
  const std::string invalid = fmt::format("invalid {} argument '{}'", fault ? "fault" : "inject", expr);
  size_t colon = expr.find(':');
  std::string set_text = expr.substr(0, colon);
  InjectRule rule;
  Tampering& t = rule.what;
  bool have_return = false, have_substitute = false, have_enter = false, have_exit = false;
  bool have_poke_enter = false, have_poke_exit = false;
  // The options first, left to right, as strace reads them; then the set.
  size_t i = colon == std::string::npos ? expr.size() + 1 : colon + 1;
  while (i <= expr.size()) {
    size_t j = expr.find(':', i);
    if (j == std::string::npos) j = expr.size();
    std::string tok = expr.substr(i, j - i);
    i = j + 1;
    if (tok.empty()) continue;
    size_t eq = tok.find('=');
    if (eq == std::string::npos) return invalid;
    std::string name = tok.substr(0, eq), value = tok.substr(eq + 1);
    if (name == "when") {
      if (!parse_when(value, rule)) return invalid;
    } else if (name == "error") {
      if (have_return || !parse_error(value, t.value)) return invalid;
      have_return = t.replace = t.is_error = true;
    } else if (name == "syscall") {
      if (have_substitute || !parse_substitute(value, t.substitute)) return invalid;
      have_substitute = true;
    } else if (fault) {
      return invalid;  // -e fault= takes error=, syscall= and when= only
    } else if (name == "retval") {
      if (have_return || !parse_retval(value, t.value)) return invalid;
      retval_warnings(t.value, warnings);
      have_return = t.replace = true;
    } else if (name == "signal") {
      if (t.signal || !parse_signal(value, t.signal)) return invalid;
    } else if (name == "delay_enter") {
      if (have_enter || !parse_time_spec(value, t.delay_enter_ns)) return invalid;
      have_enter = true;
    } else if (name == "delay_exit") {
      if (have_exit || !parse_time_spec(value, t.delay_exit_ns)) return invalid;
      have_exit = true;
    } else if (name == "poke_enter") {
      if (have_poke_enter || !parse_pokes(value, t.poke_enter)) return invalid;
      have_poke_enter = true;
    } else if (name == "poke_exit") {
      if (have_poke_exit || !parse_pokes(value, t.poke_exit)) return invalid;
      have_poke_exit = true;
    } else {
      return invalid;
    }
  }
  SyscallSet set;
  if (std::string err = parse_trace_set(set_text, set); !err.empty()) return err;
  if (fault && !have_return) {
    t.replace = t.is_error = true;
    t.value = ENOSYS;
  }
  if (!t.replace && !t.signal && !have_enter && !have_exit && !have_poke_enter && !have_poke_exit) return invalid;
  if (!t.replace) t.substitute = -1;  // syscall= replaces only a call that is not run
  out.rules.push_back(std::move(rule));
  if (out.rule_of.empty()) out.rule_of.assign(kMaxSyscall, -1);
  const int index = static_cast<int>(out.rules.size() - 1);
  for (size_t nr = 0; nr < set.size(); ++nr)
    if (set.test(nr)) out.rule_of[nr] = index;
  return {};
}

}  // namespace sct
