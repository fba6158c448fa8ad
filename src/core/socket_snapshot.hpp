// What the kernel knew of a socket at one moment of a call: the facts a
// NETLINK_SOCK_DIAG answer is made of, and those that decide whether
// sock_diag would have answered at all. An engine that decodes after the
// fact (eBPF) copies them when strace would have asked (-yy), and the
// session turns them into the text a sock_diag query gives
// (session/sock_endpoints.hpp).
#pragma once

#include <cstdint>
#include <string>

namespace sct {

struct SocketSnapshot {
  int fd = -1;
  uint64_t inode = 0;
  // The engine sent this socket's facts before, in a state whose answer
  // strace keeps for good: only fd and inode are given, and the answer
  // learnt from that earlier copy holds.
  bool known = false;
  uint64_t netns = 0;   // the inode of its network namespace
  std::string proto;    // system.sockprotoname: TCP, UDPv6, UNIX-STREAM, NETLINK
  int family = 0;       // AF_*; 0 when the file had no sock (being released)
  int protocol = 0;     // sk_protocol (a netlink socket's NETLINK_*)
  int state = 0;        // sk_state: TCP_*
  bool hashed = false;  // in its protocol's lookup table
  uint16_t port = 0;    // the local port bound, host order; 0: none
  // AF_INET, AF_INET6: network order, as sock_diag gives them (IPv4 in [0]).
  uint16_t sport_be = 0, dport_be = 0;
  uint32_t src[4] = {}, dst[4] = {};
  // AF_UNIX: the peer's inode (0: none) and the bound sun_path's bytes.
  uint32_t peer_inode = 0;
  bool has_unix_name = false;
  std::string unix_name;
  // AF_NETLINK: its port id, and whether it is bound to it or to groups.
  uint32_t portid = 0;
  bool netlink_listed = false;
};

}  // namespace sct
