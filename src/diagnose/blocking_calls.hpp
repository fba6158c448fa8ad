// Which calls block on what, asked of the spec by name: the fd a read or a
// write waits on, the futex word, the children of wait4, a sleep's length.
#pragma once

#include <string_view>

namespace sct {

enum class Blocking {
  None,     // nothing --why-stuck follows
  Futex,    // futex(uaddr, op, ...): a lock, a condition, a join
  FdRead,   // waits for data on the descriptor in argument `fd_arg`
  FdWrite,  // waits for room on it
  Accept,   // waits for a connection on it
  Child,    // wait4, waitid: waits for a child to change state
  Vfork,    // vfork: waits for the child to exec or exit
  Sleep,    // nanosleep, clock_nanosleep: a set time
  Signal,   // pause, rt_sigsuspend, rt_sigtimedwait: any signal
  Poll,     // poll, select, epoll_wait: any of several descriptors
};

struct BlockingCall {
  Blocking kind = Blocking::None;
  int fd_arg = 0;
};

BlockingCall blocking_call(std::string_view name);

}  // namespace sct
