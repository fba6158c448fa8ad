#include "cli/tips.hpp"

#include <strings.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <ctime>
#include <vector>

namespace sct {

namespace {

// sctrace's own tips, in its own words: short, and none suggests anything
// that changes what the traced program sees.
constexpr const char* kTips[] = {
    "-o FILE keeps the trace apart from the program's own output; '-o |cmd' pipes it to a command.",
    "-f follows children and threads; -ff -o FILE gives each process a FILE.PID of its own.",
    "-e trace=%file, %network, %process and the other classes pick whole families of calls.",
    "-y shows the path behind each file descriptor: read(3</etc/hosts>, ...).",
    "-T shows how long each call took; --syscall-times=ns shows it to the nanosecond.",
    "-c counts calls, errors and time per syscall; -C prints the trace as well.",
    "-tt stamps each line with the time of day in microseconds; --absolute-timestamps=unix,ns in nanoseconds since the epoch.",
    "-r shows the time since the previous line: long gaps point at where a program waits.",
    "-Y prints the command name after each pid: kill(1234<sleep>, SIGTERM).",
    "-z shows only calls that succeeded, -Z only those that failed: -Z finds a missing file fast.",
    "-P PATH shows only the calls that touch PATH.",
    "-s 256 shows more of each string than the default 32 bytes.",
    "--backend=ebpf traces from the kernel without stopping the program at each call.",
    "--json=FILE writes every call as a JSON line, with the same values the text shows.",
    "-p PID attaches to a running process; Ctrl-C lets it go on untraced.",
    "--seccomp-bpf (on by default) spares the calls you did not ask for their stops.",
};
constexpr int kTipCount = static_cast<int>(sizeof kTips / sizeof kTips[0]);
constexpr size_t kWidth = 56;  // text columns inside the box

bool same(std::string_view a, const char* b) {
  return a.size() == strlen(b) && strncasecmp(a.data(), b, a.size()) == 0;
}

bool cut_prefix(std::string_view& s, const char* prefix) {
  size_t n = strlen(prefix);
  if (s.size() < n || strncasecmp(s.data(), prefix, n) != 0) return false;
  s.remove_prefix(n);
  return true;
}

bool parse_format(std::string_view s, TipsOptions::Format& f) {
  if (same(s, "none")) f = TipsOptions::Format::None;
  else if (same(s, "compact")) f = TipsOptions::Format::Compact;
  else if (same(s, "full")) f = TipsOptions::Format::Full;
  else return false;
  return true;
}

bool parse_id(std::string_view s, int& id) {
  if (same(s, "random")) {
    id = -1;
    return true;
  }
  if (s.empty() || s.size() > 9) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  id = v;
  return true;
}

// Words filled into lines of at most kWidth columns.
std::vector<std::string> wrap(std::string_view text) {
  std::vector<std::string> lines(1);
  while (!text.empty()) {
    size_t sp = text.find(' ');
    std::string_view word = text.substr(0, sp);
    text = sp == std::string_view::npos ? std::string_view() : text.substr(sp + 1);
    if (!lines.back().empty() && lines.back().size() + 1 + word.size() > kWidth) lines.emplace_back();
    if (!lines.back().empty()) lines.back() += ' ';
    lines.back() += word;
  }
  return lines;
}

}  // namespace

bool parse_tips(std::string_view arg, TipsOptions& o) {
  while (true) {
    size_t comma = arg.find(',');
    std::string_view item = arg.substr(0, comma);
    if (!item.empty()) {
      if (cut_prefix(item, "id:")) {
        if (!parse_id(item, o.id)) return false;
      } else if (cut_prefix(item, "format:")) {
        if (!parse_format(item, o.format)) return false;
      } else if (!parse_format(item, o.format) && !parse_id(item, o.id)) {
        return false;
      }
    }
    if (comma == std::string_view::npos) break;
    arg.remove_prefix(comma + 1);
  }
  return true;
}

int tip_count() { return kTipCount; }

std::string tip_text(const TipsOptions& o) {
  if (o.format == TipsOptions::Format::None) return "";
  int id = o.id;
  if (id < 0) id = static_cast<int>((static_cast<unsigned>(time(nullptr)) ^ static_cast<unsigned>(getpid())) % kTipCount);
  id %= kTipCount;
  std::string rule(kWidth + 2, '_');
  std::string out = "  " + rule + "\n / " + std::string(kWidth, ' ') + " \\\n";
  for (const std::string& l : wrap(kTips[id])) out += " | " + l + std::string(kWidth - std::min(kWidth, l.size()), ' ') + " |\n";
  out += " \\" + rule + "/\n";
  if (o.format == TipsOptions::Format::Full)
    out += "   sctrace tip " + std::to_string(id) + " of " + std::to_string(kTipCount) +
           " (--tips=id:N shows tip N); sctrace -h lists every option.\n";
  return out;
}

}  // namespace sct
