// access, faccessat, faccessat2.
#include <fcntl.h>
#include <unistd.h>

#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {
constexpr XlatEntry kAccessModes[] = {XLAT(F_OK), XLAT(R_OK), XLAT(W_OK), XLAT(X_OK)};
constexpr XlatEntry kFaccessatFlags[] = {
    XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_EACCESS), XLAT(AT_EMPTY_PATH)};
}  // namespace

bool decode_access(Call& c) {
  c.push(c.path(c.arg(0)));
  c.push(flags_of(XSET(kAccessModes), c.uarg(1)));
  return true;
}

bool decode_faccessat(Call& c) {
  c.push(c.dirfd(c.iarg(0)));
  c.push(c.path(c.arg(1)));
  c.push(flags_of(XSET(kAccessModes), c.uarg(2)));
  return true;
}

bool decode_faccessat2(Call& c) {
  decode_faccessat(c);
  c.push(flags_of(XSET(kFaccessatFlags), c.uarg(3)));
  return true;
}

}  // namespace sct
