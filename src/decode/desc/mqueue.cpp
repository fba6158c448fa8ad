// mq_open: the mode and the attributes are printed only when O_CREAT makes
// the kernel use them, as strace does; the attributes are structs.def's.
#include <fcntl.h>

#include "core/call.hpp"
#include "syscalls/struct_ids.hpp"
#include "core/struct_value.hpp"
#include "core/xlat.hpp"

namespace sct {

bool decode_mq_open(Call& c) {
  c.push(c.path(c.arg(0)));
  unsigned flags = c.uarg(1);
  c.push(open_flags_value(flags));
  if (flags & O_CREAT) {
    c.push(Oct{static_cast<uint16_t>(c.arg(2))});
    c.push(struct_value(c.mem(), StructId::MqAttr, c.arg(3)));
  }
  return true;
}

}  // namespace sct
