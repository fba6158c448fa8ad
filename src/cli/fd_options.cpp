#include "cli/fd_options.hpp"

#include <strings.h>

#include <cstring>
#include <functional>

namespace sct {

namespace {

// strace's set syntax: "all" and "none" only alone, empty items skipped, a
// set without any item refused whole. `item` adds one item or says false.
std::string parse_set(const std::string& v, const char* what, bool& all, const std::function<bool(std::string_view)>& item) {
  auto invalid = [&](std::string_view s) { return "invalid " + std::string(what) + " '" + std::string(s) + "'"; };
  bool negate = v.starts_with('!');
  std::string rest = v.substr(negate ? 1 : 0);
  all = false;
  if (!strcasecmp(rest.c_str(), "all")) all = true;
  else if (strcasecmp(rest.c_str(), "none") != 0) {
    bool any = false;
    for (size_t at = 0; at <= rest.size();) {
      size_t comma = std::min(rest.find(',', at), rest.size());
      std::string_view tok(rest.data() + at, comma - at);
      if (!tok.empty()) {
        if (!item(tok)) return invalid(tok);
        any = true;
      }
      at = comma + 1;
    }
    if (!any) return invalid(v);
  }
  all ^= negate;
  return {};
}

}  // namespace

std::string parse_decode_fds(const std::string& v, unsigned& out) {
  static constexpr std::pair<const char*, unsigned> kNames[] = {
      {"path", kFdPath}, {"socket", kFdSocket}, {"dev", kFdDev}, {"pidfd", kFdPidfd}};
  unsigned bits = 0;
  bool all = false;
  std::string err = parse_set(v, "decode-fds", all, [&](std::string_view t) {
    for (auto [name, bit] : kNames)
      if (t.size() == strlen(name) && !strncasecmp(t.data(), name, t.size())) return bits |= bit, true;
    return false;
  });
  if (!err.empty()) return err;
  // "!x" is every detail but x; "!all" none.
  out = all ? kFdAll & ~bits : bits;
  return {};
}

}  // namespace sct
