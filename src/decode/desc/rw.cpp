// read, write, pread64, pwrite64, readv, writev, preadv, pwritev, lseek.
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
  if (c.failed()) c.push(c.ptr(c.arg(1)));
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

bool decode_lseek(Call& c) {
  c.push(c.fd(c.iarg(0)));
  c.push(Int{c.sarg(1)});
  c.push(xlat_value(kWhence, c.uarg(2), "SEEK_???"));
  return true;
}

}  // namespace sct
