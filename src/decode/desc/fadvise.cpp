// fadvise64.
#include <fcntl.h>

#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {
constexpr XlatEntry kAdvice[] = {
    XLAT(POSIX_FADV_NORMAL), XLAT(POSIX_FADV_RANDOM), XLAT(POSIX_FADV_SEQUENTIAL),
    XLAT(POSIX_FADV_WILLNEED), XLAT(POSIX_FADV_DONTNEED), XLAT(POSIX_FADV_NOREUSE)};
}  // namespace

bool decode_fadvise64(Call& c) {
  c.push(c.fd(c.iarg(0)));
  c.push(Int{c.sarg(1)});
  c.push(Int{c.sarg(2)});
  c.push(xlat_value(XSET(kAdvice), c.uarg(3), "POSIX_FADV_???"));
  return true;
}

}  // namespace sct
