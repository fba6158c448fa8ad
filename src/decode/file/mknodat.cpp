// mknodat: the device number only for the types that have one.
#include <sys/stat.h>

#include "core/call.hpp"
#include "decode/common.hpp"

namespace sct {

bool decode_mknodat(Call& c) {
  c.push(c.dirfd(c.iarg(0)));
  c.push(c.path(c.arg(1)));
  // umode_t: the kernel reads 16 bits. A type strace does not know prints as
  // the whole mode in octal (0170600), not as a type and permissions.
  const auto mode = static_cast<uint16_t>(c.arg(2));
  const unsigned type = mode & S_IFMT;
  const bool known = type == 0 || S_ISREG(mode) || S_ISDIR(mode) || S_ISCHR(mode) || S_ISBLK(mode) ||
                     S_ISFIFO(mode) || S_ISLNK(mode) || S_ISSOCK(mode);
  c.push(known ? file_mode_value(mode) : Value(Oct{mode}));
  // unsigned int dev, in the kernel's encoding, which glibc's major() and
  // minor() read as strace does.
  if (S_ISCHR(mode) || S_ISBLK(mode)) c.push(makedev_value(static_cast<uint32_t>(c.arg(3))));
  return true;
}

}  // namespace sct
