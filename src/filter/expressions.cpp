#include "filter/expressions.hpp"

#include <regex.h>
#include <strings.h>

#include <cstdlib>
#include <string_view>
#include <vector>

#include "core/xlat.hpp"
#include "syscalls/personalities.hpp"
#include "syscalls/syscall_table.hpp"

namespace sct {

namespace {

// strace follows this message, and no other of -e trace=, with its usage hint.
constexpr const char* kPersonalityError = "incorrect personality designator";

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find(',', i);
    if (j == std::string::npos) j = s.size();
    out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// %class names, and the bare names strace still accepts for the old ones.
struct ClassName {
  const char* name;
  uint32_t bits;
  bool bare_ok;
};
constexpr ClassName kClasses[] = {
    {"file", TF, true},      {"ipc", TI, true},        {"network", TN, true},
    {"net", TN, false},      {"process", TP, true},    {"signal", TS, true},
    {"desc", TD, true},      {"memory", TM, true},     {"creds", TC, false},
    {"clock", TCL, false},   {"stat", TST, false},     {"lstat", TLST, false},
    {"fstat", TFST, false},  {"%stat", TSTA, false},   {"statfs", TSF, false},
    {"fstatfs", TFSF, false}, {"%statfs", TSFA, false}, {"pure", PU, false},
};

bool add_class(std::string_view tok, SyscallSet& set) {
  bool percent = !tok.empty() && tok[0] == '%';
  std::string_view name = percent ? tok.substr(1) : tok;
  for (const auto& c : kClasses) {
    if (name != c.name || (!percent && !c.bare_ok)) continue;
    for (const SyscallInfo* s = syscalls_begin(); s != syscalls_end(); ++s)
      if (s->classes & c.bits) set.set(static_cast<size_t>(s->nr));
    return true;
  }
  return false;
}

std::string add_regex(const std::string& pattern, SyscallSet& set) {
  regex_t re;
  if (int rc = regcomp(&re, pattern.c_str(), REG_EXTENDED | REG_NOSUB)) {
    char msg[256];
    regerror(rc, &re, msg, sizeof msg);
    return "regcomp: " + pattern + ": " + msg;
  }
  for (const SyscallInfo* s = syscalls_begin(); s != syscalls_end(); ++s)
    if (regexec(&re, std::string(s->name).c_str(), 0, nullptr, 0) == 0) set.set(static_cast<size_t>(s->nr));
  regfree(&re);
  return {};
}

// "!a,b": a set and whether it is negated; `all` and `none` as words.
template <class AddToken>
std::string parse_set(const std::string& expr, const char* what, bool& negate, bool& all,
                      AddToken add) {
  std::string body = expr;
  negate = false;
  all = false;
  while (!body.empty() && body[0] == '!') {
    negate = !negate;
    body.erase(0, 1);
  }
  if (body.empty()) return std::string("invalid ") + what + " '" + expr + "'";
  bool any = false;
  for (const std::string& tok : split_commas(body)) {
    if (tok.empty()) continue;
    any = true;
    if (tok == "all") {
      all = true;
      continue;
    }
    if (tok == "none") continue;
    std::string err = add(tok);
    if (!err.empty()) return err;
  }
  if (!any) return std::string("invalid ") + what + " '" + expr + "'";
  return {};
}

}  // namespace

std::string parse_trace_set(const std::string& expr, SyscallSet& out) {
  SyscallSet set;
  bool negate, all;
  std::string err = parse_set(expr, "system call", negate, all, [&](const std::string& tok) -> std::string {
    bool optional = tok[0] == '?';
    std::string t = optional ? tok.substr(1) : tok;
    // NAME@64, NAME@32, NAME@x32: a personality designator after the last '@'.
    // Only 64-bit tracees exist for sctrace, so the other two select nothing,
    // but what they name is checked as strace checks it.
    Personality pers = Personality::X86_64;
    bool designated = false;
    std::string body = t;
    if (size_t at = t.rfind('@'); at != std::string::npos) {
      auto p = personality_by_designator(std::string_view(t).substr(at + 1));
      if (!p)
        return std::string(kPersonalityError) + " '" + t.substr(at + 1) + "' in qualification '" + t + "'";
      pers = *p;
      designated = true;
      body = t.substr(0, at);
    }
    SyscallSet ignored;
    SyscallSet& target = pers == Personality::X86_64 ? set : ignored;
    if (!body.empty() && body[0] == '/') return add_regex(body.substr(1), target);
    if (add_class(body, target)) return {};
    if (designated && body == "all") {
      target.set();
      return {};
    }
    if (personality_has(pers, body)) {
      if (const SyscallInfo* s = syscall_by_name(body); s && pers == Personality::X86_64)
        set.set(static_cast<size_t>(s->nr));
      return {};
    }
    // A bare name of another personality (mmap2, _llseek) is accepted and selects nothing.
    if (!designated && (personality_has(Personality::I386, body) || personality_has(Personality::X32, body)))
      return {};
    if (optional) return {};
    return "invalid system call '" + t + "'";
  });
  if (!err.empty()) return err;
  if (all) set.set();
  out = negate ? ~set : set;
  return {};
}

bool wants_usage_hint(const std::string& err) { return err.rfind(kPersonalityError, 0) == 0; }

std::string parse_status_set(const std::string& expr, unsigned& out) {
  static constexpr std::pair<const char*, unsigned> kNames[] = {
      {"successful", kStatusSuccessful}, {"failed", kStatusFailed},
      {"unfinished", kStatusUnfinished}, {"unavailable", kStatusUnavailable},
      {"detached", kStatusDetached}};
  unsigned set = 0;
  bool negate, all;
  std::string err = parse_set(expr, "status", negate, all, [&](const std::string& tok) -> std::string {
    for (const auto& [name, bit] : kNames)
      if (tok == name) {
        set |= bit;
        return {};
      }
    return "invalid status '" + tok + "'";
  });
  if (!err.empty()) return err;
  if (all) set = kStatusAll;
  out = negate ? ~set & kStatusAll : set;
  return {};
}

std::string parse_signal_set(const std::string& expr, std::bitset<65>& out) {
  std::bitset<65> set;
  bool negate, all;
  std::string err = parse_set(expr, "signal", negate, all, [&](const std::string& tok) -> std::string {
    char* end = nullptr;
    long n = strtol(tok.c_str(), &end, 10);
    if (!tok.empty() && *end == 0) {
      if (n < 1 || n > 64) return "invalid signal '" + tok + "'";
      set.set(static_cast<size_t>(n));
      return {};
    }
    for (int s = 1; s <= 64; ++s) {
      std::string name = signal_name(s);
      if (strcasecmp(tok.c_str(), name.c_str()) == 0 || strcasecmp(tok.c_str(), name.c_str() + 3) == 0) {
        set.set(static_cast<size_t>(s));
        return {};
      }
    }
    return "invalid signal '" + tok + "'";
  });
  if (!err.empty()) return err;
  if (all) set.set();
  out = negate ? ~set : set;
  return {};
}

std::string parse_quiet_set(const std::string& expr, unsigned& out) {
  static constexpr std::pair<const char*, unsigned> kNames[] = {
      {"attach", kQuietAttach}, {"exit", kQuietExit}, {"exits", kQuietExit},
      {"path-resolution", kQuietPathResolution}, {"personality", kQuietPersonality},
      {"thread-execve", kQuietThreadExecve}, {"superseded", kQuietThreadExecve}};
  unsigned set = 0;
  bool negate, all;
  std::string err = parse_set(expr, "quiet", negate, all, [&](const std::string& tok) -> std::string {
    for (const auto& [name, bit] : kNames)
      if (tok == name) {
        set |= bit;
        return {};
      }
    return "invalid quiet '" + tok + "'";
  });
  if (!err.empty()) return err;
  if (all) set = kQuietAll;
  out = negate ? ~set & kQuietAll : set;
  return {};
}

}  // namespace sct
