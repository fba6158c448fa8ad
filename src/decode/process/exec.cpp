// execve, execveat: argv in full (each string -s limited), the environment
// as a count unless -v.
#include <fcntl.h>

#include <fmt/format.h>

#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {

constexpr uint64_t kMaxStrings = 1 << 16;  // a string array without NULL is bounded

Value string_array(Call& c, uint64_t addr) {
  if (addr == 0) return Ptr{0};
  Array a;
  for (uint64_t i = 0; i < kMaxStrings; ++i) {
    uint64_t p;
    if (!c.fetch(addr + i * 8, &p, sizeof p)) {
      if (i == 0) return Ptr{addr};
      a.items.push_back(Ptr{addr + i * 8});
      break;
    }
    if (p == 0) break;
    if (!c.opts().verbose && i >= c.opts().max_strlen) {
      a.elided = true;
      break;
    }
    a.items.push_back(c.cstr(p));
  }
  return a;
}

Value env_value(Call& c, uint64_t addr) {
  if (c.opts().verbose || addr == 0) return string_array(c, addr);
  uint64_t n = 0;
  for (; n < kMaxStrings; ++n) {
    uint64_t p;
    if (!c.fetch(addr + n * 8, &p, sizeof p)) return Ptr{addr};
    if (p == 0) break;
  }
  return commented(Ptr{addr}, fmt::format("{} var{}", n, n == 1 ? "" : "s"));
}

constexpr XlatEntry kExecveatFlags[] = {XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_EMPTY_PATH)};

}  // namespace

bool decode_execve(Call& c) {
  c.push(c.path(c.arg(0)));
  c.push(string_array(c, c.arg(1)));
  c.push(env_value(c, c.arg(2)));
  return true;
}

bool decode_execveat(Call& c) {
  c.push(c.dirfd(c.iarg(0)));
  c.push(c.path(c.arg(1)));
  c.push(string_array(c, c.arg(2)));
  c.push(env_value(c, c.arg(3)));
  c.push(flags_of(XSET(kExecveatFlags), c.uarg(4)));
  return true;
}

}  // namespace sct
