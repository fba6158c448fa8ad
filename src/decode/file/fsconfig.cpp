// fsconfig: what key, value and aux are depends on the command.
#include <linux/mount.h>

#include "core/arg_sets.hpp"
#include "core/call.hpp"

namespace sct {

bool decode_fsconfig(Call& c) {
  c.push(c.fd(c.iarg(0)));
  const uint32_t cmd = c.uarg(1);
  c.push(arg_set_value(c.info()->sets[1], cmd));
  const uint64_t key = c.arg(2), value = c.arg(3);
  const int aux = c.iarg(4);
  switch (cmd) {
    case FSCONFIG_SET_FLAG:
      c.push(c.cstr(key));
      c.push(c.ptr(value));
      c.push(Int{aux});
      break;
    case FSCONFIG_SET_STRING:
      c.push(c.cstr(key));
      c.push(c.cstr(value));
      c.push(Int{aux});
      break;
    case FSCONFIG_SET_BINARY: {
      c.push(c.cstr(key));
      // aux bytes, always as \x escapes (strace prints a blob so).
      Value b = c.buf(value, static_cast<uint32_t>(aux));
      if (auto* s = std::get_if<Str>(&b.v)) s->hex = true;
      c.push(std::move(b));
      c.push(Int{aux});
      break;
    }
    case FSCONFIG_SET_PATH:
    case FSCONFIG_SET_PATH_EMPTY:
      c.push(c.cstr(key));
      c.push(c.path(value));
      c.push(c.dirfd(aux));
      break;
    case FSCONFIG_SET_FD:
      c.push(c.cstr(key));
      c.push(c.ptr(value));
      c.push(c.fd(aux));
      break;
    default:  // the commands without key or value, and unknown ones
      c.push(c.ptr(key));
      c.push(c.ptr(value));
      c.push(Int{aux});
      break;
  }
  return true;
}

}  // namespace sct
