#include "filter/expressions.hpp"

#include <regex.h>
#include <strings.h>

#include <cstdlib>
#include <string_view>
#include <vector>

#include "core/xlat.hpp"
#include "syscalls/syscall_table.hpp"

namespace sct {

namespace {

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
    if (!t.empty() && t[0] == '/') return add_regex(t.substr(1), set);
    if (add_class(t, set)) return {};
    if (const SyscallInfo* s = syscall_by_name(t)) {
      set.set(static_cast<size_t>(s->nr));
      return {};
    }
    if (optional) return {};
    return "invalid system call '" + t + "'";
  });
  if (!err.empty()) return err;
  if (all) set.set();
  out = negate ? ~set : set;
  return {};
}

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
