// read, write, pread64, pwrite64, readv, writev, preadv, pwritev, preadv2,
// pwritev2, lseek.
#include <linux/fs.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>

#include "core/call.hpp"
#include "core/xlat.hpp"
#include "decode/common.hpp"

namespace sct {

namespace {

constexpr XlatEntry kWhence[] = {
    XLAT(SEEK_SET), XLAT(SEEK_CUR), XLAT(SEEK_END), XLAT(SEEK_DATA), XLAT(SEEK_HOLE)};

}  // namespace

bool decode_read(Call& c) {
  if (c.entering()) {
    c.push(c.fd(c.iarg(0)));
    return false;
  }
  c.push(c.buf_out(c.arg(1), static_cast<uint64_t>(c.ret())));
  c.push(Uint{c.arg(2)});
  return true;
}

bool decode_write(Call& c) {
  c.push(c.fd(c.iarg(0)));
  c.push(c.buf(c.arg(1), c.arg(2)));
  c.push(Uint{c.arg(2)});
  return true;
}

bool decode_pread64(Call& c) {
  if (c.entering()) {
    c.push(c.fd(c.iarg(0)));
    return false;
  }
  c.push(c.buf_out(c.arg(1), static_cast<uint64_t>(c.ret())));
  c.push(Uint{c.arg(2)});
  c.push(Int{c.sarg(3)});
  return true;
}

bool decode_pwrite64(Call& c) {
  decode_write(c);
  c.push(Int{c.sarg(3)});
  return true;
}

bool decode_readv(Call& c) {
  if (c.entering()) {
    c.push(c.fd(c.iarg(0)));
    return false;
  }
  // A failed read shows its iovecs with their addresses, as strace does.
  if (c.failed()) c.push(iovec_addrs(c, c.arg(1), c.arg(2)));
  else c.push(iovec_array(c, c.arg(1), c.arg(2), static_cast<uint64_t>(c.ret())));
  c.push(Uint{c.arg(2)});
  return true;
}

bool decode_writev(Call& c) {
  c.push(c.fd(c.iarg(0)));
  c.push(iovec_array(c, c.arg(1), c.arg(2), UINT64_MAX));
  c.push(Uint{c.arg(2)});
  return true;
}

// The offset is the low 64 bits: x86_64 passes it whole in the fourth argument.
bool decode_preadv(Call& c) {
  if (!decode_readv(c)) return false;
  c.push(Int{c.sarg(3)});
  return true;
}

bool decode_pwritev(Call& c) {
  decode_writev(c);
  c.push(Int{c.sarg(3)});
  return true;
}

// RWF_* of <linux/fs.h>.
constexpr XlatEntry kRwfFlags[] = {XLAT(RWF_HIPRI), XLAT(RWF_DSYNC), XLAT(RWF_SYNC), XLAT(RWF_NOWAIT),
                                   XLAT(RWF_APPEND)};

// The kernel takes the offset in two halves (pos_l, pos_h) and the flags in
// the sixth register; on x86_64 pos_l holds the whole offset, and strace
// prints it as one argument, then the flags.
bool decode_preadv2(Call& c) {
  if (!decode_preadv(c)) return false;
  c.push(flags_or_unknown(XSET(kRwfFlags), c.uarg(5), "RWF_???"));
  return true;
}

bool decode_pwritev2(Call& c) {
  decode_pwritev(c);
  c.push(flags_or_unknown(XSET(kRwfFlags), c.uarg(5), "RWF_???"));
  return true;
}

bool decode_lseek(Call& c) {
  c.push(c.fd(c.iarg(0)));
  c.push(Int{c.sarg(1)});
  c.push(xlat_value(XSET(kWhence), c.uarg(2), "SEEK_???"));
  return true;
}

}  // namespace sct
