// reboot: two magic numbers, a command, and a string only for RESTART2.
#include <linux/reboot.h>

#include "core/arg_sets.hpp"
#include "syscalls/arg_set_ids.hpp"
#include "core/call.hpp"

namespace sct {

bool decode_reboot(Call& c) {
  // magic1 and magic2 are ints, cmd an unsigned int.
  c.push(arg_set_value(ArgSet::RebootMagic1, c.uarg(0)));
  c.push(arg_set_value(ArgSet::RebootMagic2, c.uarg(1)));
  c.push(arg_set_value(ArgSet::RebootCmd, c.uarg(2)));
  if (c.uarg(2) == LINUX_REBOOT_CMD_RESTART2) c.push(c.cstr(c.arg(3)));
  return true;
}

}  // namespace sct
