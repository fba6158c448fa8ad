#include "engine/capture/sock_capture.hpp"

#include <cstddef>
#include <algorithm>
#include <cstring>

namespace sct {

static_assert(sizeof(sct_sock) == 216 && offsetof(sct_sock, src) == 36 && offsetof(sct_sock, proto) == 76 &&
                  offsetof(sct_sock, family) == SCT_SOCK_SHORT && offsetof(sct_sock, name) == SCT_SOCK_HEAD &&
                  sizeof(sct_sock_plan) == 4,
              "sock_abi.h layout");

sct_sock_plan sock_plan(const SyscallInfo& s) {
  sct_sock_plan p{};
  // strace names a descriptor argument's socket when it prints the
  // argument, at entry; no row takes more than SCT_SOCK_ENTRY_MAX.
  int n = 0;
  for (int i = 0; i < s.nargs && i < 6; ++i)
    if (s.args[i] == ArgT::Fd && n++ < SCT_SOCK_ENTRY_MAX) p.entry_fds |= static_cast<unsigned char>(1u << i);
  // A returned descriptor is printed at exit, when the call has made it.
  p.ret_fd = s.ret == Ret::Fd;
  // The one call that returns new sockets in memory: its int[2] is printed
  // at exit (pipe's ends are never sockets).
  if (s.name == std::string_view("socketpair")) p.pair_arg = 4;
  return p;
}

SocketSnapshot socket_snapshot(const sct_sock& s) {
  SocketSnapshot o;
  o.fd = s.fd;
  o.inode = s.ino;
  o.netns = s.netns;
  o.proto.assign(s.proto, strnlen(s.proto, sizeof s.proto));
  o.family = s.family;
  o.protocol = s.protocol;
  o.state = s.state;
  o.hashed = s.hashed;
  o.port = s.num;
  o.sport_be = s.sport;
  o.dport_be = s.dport;
  memcpy(o.src, s.src, sizeof o.src);
  memcpy(o.dst, s.dst, sizeof o.dst);
  o.peer_inode = s.peer_ino;
  o.has_unix_name = s.name_len > 0;
  o.unix_name.assign(s.name, std::min<size_t>(s.name_len, sizeof s.name));
  o.portid = s.portid;
  o.netlink_listed = s.flags & SCT_SOCKF_NL_LISTED;
  o.known = s.flags & SCT_SOCKF_KNOWN;
  return o;
}

void socket_snapshots(const CapturedMemory& mem, int phase, std::vector<SocketSnapshot>& out) {
  mem.each_special(SCT_AT_SOCK, [&](std::string_view raw) {
    // A known inode's copy is its head alone; a full one ends after the
    // name's bytes.
    if (raw.size() < SCT_SOCK_SHORT || raw.size() > sizeof(sct_sock)) return;
    sct_sock s{};
    memcpy(&s, raw.data(), raw.size());
    if (!(s.flags & SCT_SOCKF_KNOWN) && raw.size() < SCT_SOCK_HEAD) return;
    s.name_len = static_cast<unsigned short>(std::min<size_t>(s.name_len, raw.size() - std::min<size_t>(raw.size(), SCT_SOCK_HEAD)));
    if (s.phase == phase) out.push_back(socket_snapshot(s));
  });
}

}  // namespace sct
