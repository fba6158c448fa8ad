// read, write, pread64, pwrite64, readv, writev, lseek.
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>

#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {

constexpr XlatEntry kWhence[] = {
    XLAT(SEEK_SET), XLAT(SEEK_CUR), XLAT(SEEK_END), XLAT(SEEK_DATA), XLAT(SEEK_HOLE)};
constexpr uint64_t kMaxIovecs = 1024;  // UIO_MAXIOV: more is the tracee's error

// [{iov_base="...", iov_len=5}, ...]: the data shown is `data_len` bytes in
// all (the return value for reads), and at most -s bytes of it.
Value iovec_array(Call& c, uint64_t addr, uint64_t count, uint64_t data_len) {
  if (addr == 0) return Ptr{0};
  Array a;
  uint64_t shown = std::min(count, kMaxIovecs);
  uint64_t left = data_len;
  for (uint64_t i = 0; i < shown; ++i) {
    if (!c.opts().verbose && i >= c.opts().max_strlen) {
      a.elided = true;
      break;
    }
    auto iov = c.read<iovec>(addr + i * sizeof(iovec));
    if (!iov) {
      if (i == 0) return c.ptr(addr);
      a.items.push_back(c.ptr(addr + i * sizeof(iovec)));
      break;
    }
    uint64_t base = reinterpret_cast<uint64_t>(iov->iov_base);
    uint64_t n = std::min<uint64_t>(iov->iov_len, left);
    left -= n;
    Value data = c.buf(base, n);
    a.items.push_back(Struct{{{"iov_base", data}, {"iov_len", Uint{iov->iov_len}}}});
  }
  if (count > shown) a.elided = true;
  return a;
}

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

bool decode_lseek(Call& c) {
  c.push(c.fd(c.iarg(0)));
  c.push(Int{c.sarg(1)});
  c.push(xlat_value(kWhence, c.uarg(2), "SEEK_???"));
  return true;
}

}  // namespace sct
