// membarrier: cpu_id only with MEMBARRIER_CMD_FLAG_CPU; a query returns a set
// of commands.
#include <linux/membarrier.h>

#include "core/arg_sets.hpp"
#include "core/call.hpp"

namespace sct {

bool decode_membarrier(Call& c) {
  if (c.entering()) {
    c.push(arg_set_value(c.info()->sets[0], c.uarg(0)));
    c.push(arg_set_value(c.info()->sets[1], c.uarg(1)));
    if (c.uarg(1) & MEMBARRIER_CMD_FLAG_CPU) c.push(Int{c.iarg(2)});
    c.args_done();
    return false;
  }
  // MEMBARRIER_CMD_QUERY: the supported commands, named as flags.
  if (c.iarg(0) == MEMBARRIER_CMD_QUERY && !c.failed() && c.ret() != 0) {
    c.set_ret(Hex{static_cast<uint64_t>(c.ret())});
    c.set_ret_aux(flags_of(arg_set_table(c.info()->sets[0]), static_cast<uint64_t>(c.ret())));
  }
  return true;
}

}  // namespace sct
