#include "diagnose/blocking_calls.hpp"

#include <array>
#include <utility>

namespace sct {

BlockingCall blocking_call(std::string_view name) {
  // Each name is a row of the spec (syscalls/x86_64.def); the descriptor
  // every one of them blocks on is its first argument.
  static constexpr std::array<std::pair<std::string_view, Blocking>, 30> kCalls{{
      {"read", Blocking::FdRead},       {"readv", Blocking::FdRead},
      {"pread64", Blocking::FdRead},    {"preadv", Blocking::FdRead},
      {"preadv2", Blocking::FdRead},    {"recvfrom", Blocking::FdRead},
      {"recvmsg", Blocking::FdRead},    {"recvmmsg", Blocking::FdRead},
      {"write", Blocking::FdWrite},     {"writev", Blocking::FdWrite},
      {"pwrite64", Blocking::FdWrite},  {"pwritev", Blocking::FdWrite},
      {"pwritev2", Blocking::FdWrite},  {"sendto", Blocking::FdWrite},
      {"sendmsg", Blocking::FdWrite},   {"sendmmsg", Blocking::FdWrite},
      {"accept", Blocking::Accept},     {"accept4", Blocking::Accept},
      {"futex", Blocking::Futex},       {"wait4", Blocking::Child},
      {"waitid", Blocking::Child},      {"nanosleep", Blocking::Sleep},
      {"clock_nanosleep", Blocking::Sleep}, {"pause", Blocking::Signal},
      {"rt_sigsuspend", Blocking::Signal},  {"rt_sigtimedwait", Blocking::Signal},
      {"poll", Blocking::Poll},         {"ppoll", Blocking::Poll},
      {"select", Blocking::Poll},       {"epoll_wait", Blocking::Poll},
  }};
  for (const auto& [n, k] : kCalls)
    if (n == name) return {k, 0};
  if (name == "pselect6" || name == "epoll_pwait" || name == "epoll_pwait2") return {Blocking::Poll, 0};
  if (name == "vfork") return {Blocking::Vfork, 0};
  return {};
}

}  // namespace sct
