// sendmmsg, recvmmsg: arrays of struct mmsghdr, printed at exit as strace
// 6.1 does. sendmmsg shows all vlen entries, the msg_len of those sent (the
// return value; none on failure); recvmmsg as many entries as it received,
// and only the array's address on failure.
#include <sys/socket.h>

#include <algorithm>
#include <cstdint>
#include <optional>

#include "core/call.hpp"
#include "decode/common.hpp"
#include "decode/net/msghdr.hpp"

namespace sct {

namespace {

// recvmmsg's msg_namelen at entry, shown "64 => 16" as strace does, for the
// first kNamelens messages: 16 bits each in saved words 2 and 3 (kNoNamelen:
// not read, or too large to keep).
constexpr uint64_t kNamelens = 8;
constexpr uint64_t kNoNamelen = 0xffff;

void save_namelens(Call& c, uint64_t addr, uint64_t vlen) {
  uint64_t words[2] = {~0ULL, ~0ULL};
  for (uint64_t i = 0; i < std::min(vlen, kNamelens) && addr; ++i) {
    auto m = c.read<mmsghdr>(addr + i * sizeof(mmsghdr));
    uint64_t len = m && m->msg_hdr.msg_namelen < kNoNamelen ? m->msg_hdr.msg_namelen : kNoNamelen;
    words[i / 4] &= ~(kNoNamelen << (i % 4 * 16));
    words[i / 4] |= len << (i % 4 * 16);
  }
  c.save(2, words[0]);
  c.save(3, words[1]);
}

std::optional<uint32_t> namelen_before(Call& c, uint64_t i) {
  if (i >= kNamelens) return std::nullopt;
  uint64_t len = c.saved(2 + static_cast<int>(i / 4)) >> (i % 4 * 16) & kNoNamelen;
  if (len == kNoNamelen) return std::nullopt;
  return static_cast<uint32_t>(len);
}

// [{msg_hdr={...}, msg_len=5}, ...]: `count` entries, the first `sent` of
// them with their msg_len; a received message's data is its msg_len bytes
// spread over its iovecs.
Value mmsghdrs(Call& c, uint64_t addr, uint64_t count, uint64_t sent, bool received) {
  if (addr == 0) return Ptr{0};
  uint64_t i = 0;
  return struct_array<mmsghdr>(c, addr, count, [&](const mmsghdr& m) {
    Struct s;
    auto before = received ? namelen_before(c, i) : std::nullopt;
    s.fields.push_back({"msg_hdr", msghdr_value(c, m.msg_hdr, received ? m.msg_len : UINT64_MAX, before)});
    if (i++ < sent) s.fields.push_back({"msg_len", Uint{m.msg_len}});
    return Value{std::move(s)};
  });
}

// recvmmsg's timeout as it was at entry, kept in the two saved words (the
// kernel rewrites it with the time left); an unreadable one saves a
// nanosecond count no timespec holds.
constexpr uint64_t kNoTimeout = UINT64_MAX;

Value saved_timeout(Call& c, uint64_t addr) {
  if (addr == 0) return Ptr{0};
  if (c.saved(1) == kNoTimeout) return c.ptr(addr);
  return Struct{{{"tv_sec", Int{static_cast<int64_t>(c.saved(0))}}, {"tv_nsec", Int{static_cast<int64_t>(c.saved(1))}}}};
}

}  // namespace

bool decode_sendmmsg(Call& c) {
  if (c.entering()) {
    c.push(c.fd(c.iarg(0)));
    return false;
  }
  const uint64_t sent = c.failed() ? 0 : static_cast<uint64_t>(c.ret());
  c.push(mmsghdrs(c, c.arg(1), c.uarg(2), sent, false));
  c.push(Uint{c.uarg(2)});
  c.push(msg_flags_value(c.uarg(3)));
  return true;
}

bool decode_recvmmsg(Call& c) {
  if (c.entering()) {
    c.push(c.fd(c.iarg(0)));
    auto ts = c.read<timespec>(c.arg(4));
    c.save(0, ts ? static_cast<uint64_t>(ts->tv_sec) : 0);
    c.save(1, ts ? static_cast<uint64_t>(ts->tv_nsec) : kNoTimeout);
    save_namelens(c, c.arg(1), c.uarg(2));
    return false;
  }
  if (c.failed()) c.push(c.ptr(c.arg(1)));
  else c.push(mmsghdrs(c, c.arg(1), static_cast<uint64_t>(c.ret()), static_cast<uint64_t>(c.ret()), true));
  c.push(Uint{c.uarg(2)});
  c.push(msg_flags_value(c.uarg(3)));
  c.push(saved_timeout(c, c.arg(4)));
  // strace adds the time the kernel left, after a success.
  if (!c.failed() && c.arg(4)) {
    Outcome o;
    o.fields.push_back({"left", timespec_at(c, c.arg(4))});
    c.set_ret_aux(std::move(o));
  }
  return true;
}

}  // namespace sct
