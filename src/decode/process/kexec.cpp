// kexec_file_load: the command line is a buffer whose length comes before it.
#include "core/arg_sets.hpp"
#include "core/call.hpp"

namespace sct {

bool decode_kexec_file_load(Call& c) {
  c.push(c.fd(c.iarg(0)));
  c.push(c.fd(c.iarg(1)));
  c.push(Uint{c.arg(2)});
  // strace prints cmdline_len bytes, its NUL included ("abc\0").
  c.push(c.buf(c.arg(3), c.arg(2)));
  c.push(arg_set_value(c.info()->sets[4], c.arg(4)));
  return true;
}

}  // namespace sct
