// getcwd, unlinkat, renameat2: path calls the generic decoder cannot print.
#include <fcntl.h>
#include <linux/fs.h>

#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {
constexpr XlatEntry kUnlinkatFlags[] = {XLAT(AT_REMOVEDIR)};
constexpr XlatEntry kRenameFlags[] = {
    XLAT(RENAME_NOREPLACE), XLAT(RENAME_EXCHANGE), XLAT(RENAME_WHITEOUT)};
}  // namespace

bool decode_getcwd(Call& c) {
  if (c.entering()) return false;
  // The kernel counts the NUL in the return value; the path is printed whole.
  c.push(c.failed() ? c.ptr(c.arg(0)) : c.path(c.arg(0)));
  c.push(Uint{c.arg(1)});
  return true;
}

bool decode_unlinkat(Call& c) {
  c.push(c.dirfd(c.iarg(0)));
  c.push(c.path(c.arg(1)));
  c.push(flags_of(XSET(kUnlinkatFlags), c.uarg(2)));
  return true;
}

bool decode_renameat2(Call& c) {
  c.push(c.dirfd(c.iarg(0)));
  c.push(c.path(c.arg(1)));
  c.push(c.dirfd(c.iarg(2)));
  c.push(c.path(c.arg(3)));
  c.push(flags_of(XSET(kRenameFlags), c.uarg(4)));
  return true;
}

}  // namespace sct
