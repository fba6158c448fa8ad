#include "filter/fd_set.hpp"

#include <cerrno>
#include <climits>
#include <cstdlib>

namespace sct {

namespace {

// A number as strace 6.1 reads one (learned from its messages): strtol's
// syntax (leading blanks, a sign, "-0", leading zeros), base 10, the whole
// item, 0 to INT_MAX.
bool read_fd(const std::string& item, int& fd) {
  if (item.empty()) return false;
  char* end = nullptr;
  errno = 0;
  long v = strtol(item.c_str(), &end, 10);
  if (errno || end == item.c_str() || *end || v < 0 || v > INT_MAX) return false;
  fd = static_cast<int>(v);
  return true;
}

}  // namespace

std::string parse_fd_set(const std::string& expr, FdSet& out) {
  auto invalid = [](const std::string& what) { return "invalid descriptor '" + what + "'"; };
  size_t bangs = expr.find_first_not_of('!');
  if (bangs == std::string::npos) return invalid(expr);  // "", "!", "!!"
  const bool negate = bangs % 2;
  const std::string body = expr.substr(bangs);
  FdSet s;
  // The words count only alone, in lower case: "all,3" and "ALL" are refused.
  if (body == "all") {
    s.invert = true;
  } else if (body != "none") {
    for (size_t at = 0; at <= body.size();) {
      size_t comma = std::min(body.find(',', at), body.size());
      std::string item = body.substr(at, comma - at);
      at = comma + 1;
      if (item.empty()) continue;
      int fd;
      if (!read_fd(item, fd)) return invalid(item);
      s.fds.push_back(fd);
    }
    if (s.fds.empty()) return invalid(expr);
  }
  s.invert ^= negate;
  out = std::move(s);
  return {};
}

}  // namespace sct
