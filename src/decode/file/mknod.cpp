// mknod: the device number follows the mode only for device files.
#include <sys/stat.h>

#include "core/call.hpp"
#include "decode/common.hpp"

namespace sct {

bool decode_mknod(Call& c) {
  c.push(c.path(c.arg(0)));
  auto mode = static_cast<uint16_t>(c.arg(1));  // umode_t
  c.push(file_mode_value(mode));
  // The kernel's dev is an unsigned int: its 32 bits in glibc's encoding.
  if (S_ISCHR(mode) || S_ISBLK(mode)) c.push(makedev_value(c.uarg(2)));
  return true;
}

}  // namespace sct
