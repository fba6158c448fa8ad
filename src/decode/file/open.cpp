// open, openat, openat2, creat's siblings: the mode is printed only when the
// flags make the kernel use it (O_CREAT, O_TMPFILE), as strace does.
#include <fcntl.h>
#include <linux/openat2.h>

#include "core/arg_sets.hpp"
#include "syscalls/arg_set_ids.hpp"
#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {
bool uses_mode(uint64_t flags) { return (flags & O_CREAT) || (flags & __O_TMPFILE) == __O_TMPFILE; }

void push_flags_and_mode(Call& c, int flags_arg) {
  uint64_t flags = c.uarg(flags_arg);
  c.push(open_flags_value(flags));
  if (uses_mode(flags)) c.push(Oct{c.uarg(flags_arg + 1)});
}
}  // namespace

bool decode_open(Call& c) {
  c.push(c.path(c.arg(0)));
  push_flags_and_mode(c, 1);
  return true;
}

bool decode_openat(Call& c) {
  c.push(c.dirfd(c.iarg(0)));
  c.push(c.path(c.arg(1)));
  push_flags_and_mode(c, 2);
  return true;
}

// struct open_how: its mode only when the flags use it; a size smaller than
// the struct the kernel knows prints the bare address, as strace does.
bool decode_openat2(Call& c) {
  c.push(c.dirfd(c.iarg(0)));
  c.push(c.path(c.arg(1)));
  auto how = c.arg(3) >= sizeof(open_how) ? c.read<open_how>(c.arg(2)) : std::nullopt;
  if (!how) {
    c.push(c.ptr(c.arg(2)));
  } else {
    Struct s;
    s.fields.push_back({"flags", open_flags_value(how->flags)});
    if (uses_mode(how->flags)) s.fields.push_back({"mode", Oct{how->mode}});
    s.fields.push_back({"resolve", arg_set_value(ArgSet::Resolve, how->resolve)});
    c.push(std::move(s));
  }
  c.push(Uint{c.arg(3)});
  return true;
}

}  // namespace sct
