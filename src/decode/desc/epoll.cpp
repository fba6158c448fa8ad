// epoll_create1, epoll_ctl, epoll_wait, epoll_pwait.
#include <sys/epoll.h>

#include <algorithm>

#include "core/call.hpp"
#include "core/xlat.hpp"
#include "decode/common.hpp"

namespace sct {

namespace {

constexpr XlatEntry kEpollCreateFlags[] = {XLAT(EPOLL_CLOEXEC)};
constexpr XlatEntry kEpollOps[] = {XLAT(EPOLL_CTL_ADD), XLAT(EPOLL_CTL_DEL), XLAT(EPOLL_CTL_MOD)};
// In value order, as strace prints them (EPOLLNVAL is 0x20 in <linux/eventpoll.h>
// though glibc's <sys/epoll.h> does not name it).
constexpr XlatEntry kEpollEvents[] = {
    XLAT(EPOLLIN), XLAT(EPOLLPRI), XLAT(EPOLLOUT), XLAT(EPOLLERR), XLAT(EPOLLHUP),
    XLAT_PAIR(0x20, "EPOLLNVAL"), XLAT(EPOLLRDNORM), XLAT(EPOLLRDBAND), XLAT(EPOLLWRNORM),
    XLAT(EPOLLWRBAND), XLAT(EPOLLMSG), XLAT(EPOLLRDHUP), XLAT(EPOLLEXCLUSIVE), XLAT(EPOLLWAKEUP),
    XLAT(EPOLLONESHOT), XLAT(EPOLLET)};
// The kernel returns at most EP_MAX_EVENTS (INT_MAX / sizeof) events; no
// reader shows more than this many.
constexpr uint64_t kMaxEvents = 1u << 20;

Value epoll_event_value(const epoll_event& e) {
  return Struct{{{"events", flags_or_unknown(XSET(kEpollEvents), e.events, "EPOLL???")},
                 {"data", Struct{{{"u32", Uint{static_cast<uint32_t>(e.data.u64)}},
                                  {"u64", Uint{e.data.u64}}}}}}};
}

// [{events=EPOLLIN, data={u32=3, u64=3}}, ...]: the `n` events the call
// returned, -s of them without -v.
Value epoll_events(Call& c, uint64_t addr, int64_t n) {
  // A negative count that is no error (an injected retval=-1) is a huge
  // one to strace, which shows the address of what it cannot read.
  if (c.failed() || n < 0) return c.ptr(addr);
  uint64_t count = std::min<uint64_t>(static_cast<uint64_t>(n), kMaxEvents);
  return struct_array<epoll_event>(c, addr, count, epoll_event_value);
}

}  // namespace

bool decode_epoll_create1(Call& c) {
  c.push(flags_or_unknown(XSET(kEpollCreateFlags), c.uarg(0), "EPOLL_???"));
  return true;
}

bool decode_epoll_ctl(Call& c) {
  c.push(c.fd(c.iarg(0)));
  c.push(xlat_value(XSET(kEpollOps), c.uarg(1), "EPOLL_CTL_???"));
  c.push(c.fd(c.iarg(2)));
  auto e = c.read<epoll_event>(c.arg(3));
  c.push(e ? epoll_event_value(*e) : c.ptr(c.arg(3)));
  return true;
}

bool decode_epoll_wait(Call& c) {
  if (c.entering()) {
    c.push(c.fd(c.iarg(0)));
    return false;
  }
  c.push(epoll_events(c, c.arg(1), c.ret()));
  c.push(Int{c.iarg(2)});
  c.push(Int{c.iarg(3)});
  return true;
}

bool decode_epoll_pwait(Call& c) {
  if (c.entering()) {
    c.push(c.fd(c.iarg(0)));
    return false;
  }
  decode_epoll_wait(c);
  c.push(sigset_at(c, c.arg(4), c.arg(5)));
  c.push(Uint{c.arg(5)});
  return true;
}

// A timespec for the timeout. strace prints everything after the fd at exit,
// and a failed call's pointers as addresses, its timeout and mask included.
bool decode_epoll_pwait2(Call& c) {
  if (c.entering()) {
    c.push(c.fd(c.iarg(0)));
    return false;
  }
  const bool ok = !c.failed();
  c.push(ok ? epoll_events(c, c.arg(1), c.ret()) : c.ptr(c.arg(1)));
  c.push(Int{c.iarg(2)});
  c.push(ok ? timespec_at(c, c.arg(3)) : c.ptr(c.arg(3)));
  c.push(ok ? sigset_at(c, c.arg(4), c.arg(5)) : c.ptr(c.arg(4)));
  c.push(Uint{c.arg(5)});
  return true;
}

}  // namespace sct
