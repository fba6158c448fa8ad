#include "sink/text_colour.hpp"

#include <cstdlib>
#include <cstring>

namespace sct {

bool use_colour(ColorMode mode, bool terminal) {
  if (mode != ColorMode::Auto) return mode == ColorMode::Always;
  const char* no = getenv("NO_COLOR");
  const char* term = getenv("TERM");
  return terminal && !(no && *no) && !(term && !strcmp(term, "dumb"));
}

std::string paint(const char* colour, std::string_view text) {
  std::string out(colour);
  out.append(text);
  out += colour::kReset;
  return out;
}

std::string colour_strings(std::string_view t) {
  std::string out;
  out.reserve(t.size() + 16);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '"') {
      out += t[i];
      continue;
    }
    // strace escapes every '"' inside a literal, so the next bare one ends it.
    size_t j = i + 1;
    while (j < t.size() && t[j] != '"') j += t[j] == '\\' ? 2 : 1;
    j = std::min(j, t.size() - 1);
    out += paint(colour::kString, t.substr(i, j - i + 1));
    i = j;
  }
  return out;
}

std::string colour_call(std::string_view t, std::string_view name) {
  size_t at = std::string_view::npos;
  if (t.substr(0, name.size()) == name && t.substr(name.size(), 1) == "(") at = 0;
  else if (t.substr(0, 5) == "<... " && t.substr(5, name.size()) == name) at = 5;
  if (at == std::string_view::npos) return colour_strings(t);
  std::string out(t.substr(0, at));
  out += paint(colour::kName, name);
  out += colour_strings(t.substr(at + name.size()));
  return out;
}

}  // namespace sct
