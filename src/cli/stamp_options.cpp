#include "cli/stamp_options.hpp"

#include <strings.h>

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

namespace sct {

namespace {

bool same(std::string_view a, const char* b) {
  return a.size() == strlen(b) && strncasecmp(a.data(), b, a.size()) == 0;
}

// Cuts a case-insensitive `prefix` off `s`.
bool cut_prefix(std::string_view& s, const char* prefix) {
  size_t n = strlen(prefix);
  if (s.size() < n || strncasecmp(s.data(), prefix, n) != 0) return false;
  s.remove_prefix(n);
  return true;
}

bool parse_format(std::string_view s, AbsoluteStamp& f) {
  if (same(s, "none")) f = AbsoluteStamp::None;
  else if (same(s, "time")) f = AbsoluteStamp::Time;
  else if (same(s, "unix")) f = AbsoluteStamp::Unix;
  else return false;
  return true;
}

}  // namespace

int parse_precision(std::string_view s) {
  if (same(s, "s")) return 0;
  if (same(s, "ms")) return 3;
  if (same(s, "us")) return 6;
  if (same(s, "ns")) return 9;
  return -1;
}

bool parse_absolute_stamps(std::string_view arg, StampOptions& o) {
  bool format_given = false;
  AbsoluteStamp format = o.absolute;
  int digits = o.absolute_digits;
  while (true) {
    size_t comma = arg.find(',');
    std::string_view item = arg.substr(0, comma);
    if (!item.empty()) {
      if (cut_prefix(item, "format:")) {
        if (!parse_format(item, format)) return false;
        format_given = true;
      } else if (cut_prefix(item, "precision:")) {
        if ((digits = parse_precision(item)) < 0) return false;
      } else if (parse_format(item, format)) {
        format_given = true;
      } else if ((digits = parse_precision(item)) < 0) {
        return false;
      }
    }
    if (comma == std::string_view::npos) break;
    arg.remove_prefix(comma + 1);
  }
  if (!format_given && format == AbsoluteStamp::None) format = AbsoluteStamp::Time;
  o.absolute = format;
  o.absolute_digits = digits;
  return true;
}

bool parse_overhead(const char* arg, int64_t& ns) {
  // strtod also reads hexadecimal, "inf" and "nan", which strace refuses:
  // after blanks and a sign, a digit or a point must come.
  // strace 6.1 also refuses a point right after blanks (" .5"), not ".5".
  const char* p = arg;
  while (isspace(static_cast<unsigned char>(*p))) ++p;
  const bool blanks = p != arg;
  if (*p == '+' || *p == '-') ++p;
  if (!isdigit(static_cast<unsigned char>(*p)) && (*p != '.' || blanks)) return false;
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) return false;
  char* end = nullptr;
  errno = 0;
  double v = strtod(arg, &end);
  if (end == arg || errno == ERANGE || !std::isfinite(v) || v < 0) return false;
  std::string_view unit(end);
  double scale = unit.empty() ? 1e3 : unit == "s" ? 1e9 : unit == "ms" ? 1e6 : unit == "us" ? 1e3 : unit == "ns" ? 1 : -1;
  if (scale < 0) return false;
  double total = v * scale;
  ns = total >= 9.2e18 ? INT64_MAX : static_cast<int64_t>(total);
  return true;
}

}  // namespace sct
