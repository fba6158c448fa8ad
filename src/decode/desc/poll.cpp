// poll, ppoll, select, pselect6: the sets go in at entry; what became ready
// is shown after the return value, as strace does.
#include <poll.h>
#include <sys/select.h>

#include <algorithm>
#include <optional>
#include <fmt/format.h>

#include "core/call.hpp"
#include "core/xlat.hpp"
#include "decode/common.hpp"

namespace sct {

namespace {

constexpr XlatEntry kPollEvents[] = {
    XLAT(POLLIN), XLAT(POLLPRI), XLAT(POLLOUT), XLAT(POLLERR), XLAT(POLLHUP), XLAT(POLLNVAL),
    XLAT(POLLRDNORM), XLAT(POLLRDBAND), XLAT(POLLWRNORM), XLAT(POLLWRBAND), XLAT(POLLMSG),
    XLAT(POLLRDHUP)};
constexpr uint64_t kMaxFds = 1024;

Value pollfds(Call& c, uint64_t addr, uint64_t n, bool revents) {
  if (addr == 0) return Ptr{0};
  Array a;
  for (uint64_t i = 0; i < std::min(n, kMaxFds); ++i) {
    if (!c.opts().verbose && i >= c.opts().max_strlen) {
      a.elided = true;
      break;
    }
    auto p = c.read<pollfd>(addr + i * sizeof(pollfd));
    if (!p) return c.ptr(addr);
    if (revents) {
      if (!p->revents) continue;
      a.items.push_back(Struct{{{"fd", Int{p->fd}}, {"revents", flags_of(XSET(kPollEvents), static_cast<uint16_t>(p->revents))}}});
    } else {
      a.items.push_back(Struct{{{"fd", c.fd(p->fd)}, {"events", flags_of(XSET(kPollEvents), static_cast<uint16_t>(p->events))}}});
    }
  }
  return a;
}

// The call timed out: what strace shows for a return of 0.
// Words, not a constant: -X raw keeps them.
const Sym kTimeout{"Timeout", "PollOutcome", 0, NumBase::Text};

bool poll_exit(Call& c, std::optional<Value> left) {
  // No array, nothing returned in it (a count only an injected retval= gives).
  if (c.failed() || (c.arg(0) == 0 && c.ret() != 0)) return true;
  if (c.ret() == 0) {
    c.set_ret_aux(kTimeout);
    return true;
  }
  Outcome o;
  o.fields.push_back({"", pollfds(c, c.arg(0), c.arg(1), true)});
  if (left) o.fields.push_back({"left", std::move(*left)});
  c.set_ret_aux(std::move(o));
  return true;
}

// [3 4]: the fds set in an fd_set of `nfds` bits.
Value fdset_value(Call& c, uint64_t addr, int nfds) {
  if (addr == 0) return Ptr{0};
  if (nfds < 0) return c.ptr(addr);
  int n = std::min(nfds, FD_SETSIZE);
  fd_set fs;
  size_t bytes = static_cast<size_t>((n + 63) / 64 * 8);
  if (bytes && !c.fetch(addr, &fs, bytes)) return c.ptr(addr);
  Array a;
  a.bits = true;
  for (int fd = 0; fd < n; ++fd)
    if (FD_ISSET(fd, &fs)) a.items.push_back(c.fd(fd));
  return a;
}

// select's exit line: "in [3], out [4], left {...}".
void select_exit(Call& c, bool ts) {
  if (c.failed()) return;
  if (c.ret() == 0) {
    c.set_ret_aux(kTimeout);
    return;
  }
  int nfds = c.iarg(0);
  Outcome o;
  const char* names[] = {"in", "out", "except"};
  for (int i = 0; i < 3; ++i) {
    if (!c.arg(1 + i)) continue;
    Value v = fdset_value(c, c.arg(1 + i), nfds);
    if (auto* arr = std::get_if<Array>(&v.v); arr && arr->items.empty()) continue;
    o.fields.push_back({names[i], std::move(v)});
  }
  if (c.arg(4)) o.fields.push_back({"left", ts ? timespec_at(c, c.arg(4)) : timeval_at(c, c.arg(4))});
  c.set_ret_aux(std::move(o));
}

}  // namespace

bool decode_poll(Call& c) {
  if (c.entering()) {
    c.push(pollfds(c, c.arg(0), c.arg(1), false));
    c.push(Uint{c.uarg(1)});
    c.push(Int{c.iarg(2)});
    c.args_done();
    return false;
  }
  return poll_exit(c, std::nullopt);
}

bool decode_ppoll(Call& c) {
  if (c.entering()) {
    c.push(pollfds(c, c.arg(0), c.arg(1), false));
    c.push(Uint{c.uarg(1)});
    c.push(timespec_at(c, c.arg(2)));
    c.push(sigset_at(c, c.arg(3), c.arg(4)));
    c.push(Uint{c.arg(4)});
    c.args_done();
    return false;
  }
  std::optional<Value> left;
  if (c.arg(2) && c.ret() > 0) left = timespec_at(c, c.arg(2));
  return poll_exit(c, std::move(left));
}

bool decode_select(Call& c) {
  if (c.entering()) {
    int nfds = c.iarg(0);
    c.push(Int{nfds});
    for (int i = 1; i <= 3; ++i) c.push(fdset_value(c, c.arg(i), nfds));
    c.push(timeval_at(c, c.arg(4)));
    c.args_done();
    return false;
  }
  select_exit(c, false);
  return true;
}

bool decode_pselect6(Call& c) {
  if (c.entering()) {
    int nfds = c.iarg(0);
    c.push(Int{nfds});
    for (int i = 1; i <= 3; ++i) c.push(fdset_value(c, c.arg(i), nfds));
    c.push(timespec_at(c, c.arg(4)));
    // The sixth argument points at {sigset pointer, size}.
    struct { uint64_t ss; uint64_t len; } data;
    if (!c.arg(5)) c.push(Ptr{0});
    else if (!c.fetch(c.arg(5), &data, sizeof data)) c.push(Ptr{c.arg(5)});
    else c.push(Struct{{{"", sigset_at(c, data.ss, data.len)}, {"", Uint{data.len}}}});
    c.args_done();
    return false;
  }
  select_exit(c, true);
  return true;
}

}  // namespace sct
