#include "decode/common.hpp"

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>

#include <algorithm>
#include <ctime>
#include <fmt/format.h>

#include "core/text_render.hpp"
#include "core/xlat.hpp"

namespace sct {


std::string render_value_text(const Value& v, const DecodeOptions& o) { return render_value(v, o); }

Value file_mode_value(uint64_t mode) { return FileMode{mode}; }

Value makedev_value(uint64_t dev) { return Dev{dev}; }

std::string time_comment(int64_t sec, int64_t nsec, bool with_nsec) {
  return date_text(sec, with_nsec ? nsec : 0);
}

Value timespec_at(Call& c, uint64_t addr) {
  auto ts = c.read<timespec>(addr);
  if (!ts) return c.ptr(addr);
  return Struct{{{"tv_sec", Int{ts->tv_sec}}, {"tv_nsec", Int{ts->tv_nsec}}}};
}

Value timeval_at(Call& c, uint64_t addr) {
  auto tv = c.read<timeval>(addr);
  if (!tv) return c.ptr(addr);
  return Struct{{{"tv_sec", Int{tv->tv_sec}}, {"tv_usec", Int{tv->tv_usec}}}};
}

Value sigset_value(const uint64_t* words, size_t size) {
  // Signals 1..8*size; more than half set prints as the complement.
  int nsig = static_cast<int>(size * 8);
  int set = 0;
  for (int s = 1; s <= nsig; ++s)
    if (words[(s - 1) / 64] >> ((s - 1) % 64) & 1) ++set;
  bool negate = set * 2 > nsig;
  Array a;
  a.bits = true;
  a.negated = negate;
  for (int s = 1; s <= nsig; ++s) {
    bool bit = words[(s - 1) / 64] >> ((s - 1) % 64) & 1;
    if (bit == negate) continue;
    std::string n = signal_name(s);
    if (n.empty()) n = std::to_string(s);
    else n = n.substr(3);  // sets print names without "SIG"
    a.items.push_back(Sym{n, "Signals", s, NumBase::Dec});
  }
  return a;
}

Value sigset_at(Call& c, uint64_t addr, uint64_t size) {
  if (addr == 0) return Ptr{0};
  if (size == 0 || size > 128 || size % 8) return Ptr{addr};
  uint64_t words[16] = {};
  if (!c.fetch(addr, words, size)) return Ptr{addr};
  return sigset_value(words, size);
}

Value flags_or_unknown(Xlat t, uint64_t v, const char* comment) { return flags_value(t, v, comment); }

namespace {
constexpr uint64_t kMaxIovecs = 1024;  // UIO_MAXIOV: more is the tracee's error
}  // namespace

Value iovec_array(Call& c, uint64_t addr, uint64_t count, uint64_t data_len) {
  if (addr == 0) return Ptr{0};
  uint64_t left = data_len;
  Value v = struct_array<iovec>(c, addr, std::min(count, kMaxIovecs), [&](const iovec& iov) {
    uint64_t n = std::min<uint64_t>(iov.iov_len, left);
    left -= n;
    return Value{Struct{{{"iov_base", c.buf(reinterpret_cast<uint64_t>(iov.iov_base), n)},
                         {"iov_len", Uint{iov.iov_len}}}}};
  });
  if (auto* a = std::get_if<Array>(&v.v); a && count > kMaxIovecs) a->elided = true;
  return v;
}

Value iovec_addrs(Call& c, uint64_t addr, uint64_t count) {
  if (addr == 0) return Ptr{0};
  Value v = struct_array<iovec>(c, addr, std::min(count, kMaxIovecs), [&](const iovec& iov) {
    return Value{Struct{{{"iov_base", c.ptr(reinterpret_cast<uint64_t>(iov.iov_base))},
                         {"iov_len", Uint{iov.iov_len}}}}};
  });
  if (auto* a = std::get_if<Array>(&v.v); a && count > kMaxIovecs) a->elided = true;
  return v;
}

}  // namespace sct
