// A socket's endpoints as NETLINK_SOCK_DIAG gives them, whoever learnt
// them: a sock_diag answer (session/sock_diag.cpp) or a copy the eBPF
// engine took in the kernel at the call (core/socket_snapshot.hpp). One
// formatter prints both in strace 6.1's words, so the engines agree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/socket_snapshot.hpp"

namespace sct {

struct SockEndpoints {
  enum class Kind { Inet, Unix, Netlink };
  Kind kind = Kind::Inet;
  // Inet: AF_INET or AF_INET6; addresses and ports in network order.
  int family = 0;
  uint32_t src[4] = {}, dst[4] = {};
  uint16_t sport_be = 0, dport_be = 0;
  // Unix: the peer's inode (0: none), the name it is bound to.
  uint32_t peer = 0;
  std::optional<std::string> name;
  // Netlink.
  unsigned protocol = 0;
  uint32_t portid = 0;
};

// "TCP:[127.0.0.1:41234->127.0.0.1:6379]", "UNIX-STREAM:[12345->12346]",
// "NETLINK:[ROUTE:1234]": `proto` is the socket's system.sockprotoname.
std::string format_endpoints(const SockEndpoints& e, uint64_t inode, std::string_view proto);

// A UNIX socket's name as sock_diag's UNIX_DIAG_NAME holds it (a path with
// its NUL, an abstract name starting with one): the name to print.
std::string unix_name(std::string_view raw);

// What the kernel tells about sock_diag's own behaviour, needed to know
// whether it would have answered: the network namespace its answers come
// from, and whether it lists TCP sockets that are bound but neither
// listening nor connected (Linux 6.9's TCP_BOUND_INACTIVE).
struct SockDiagScope {
  uint64_t netns = 0;
  bool lists_bound_tcp = false;
};

// What a sock_diag query (SockDiag::describe with the snapshot's protocol
// name) would have answered at the moment of the snapshot: nullopt when it
// would have found no such socket (a family or protocol it does not cover,
// an unbound inet or netlink socket, another network namespace).
std::optional<SockEndpoints> endpoints_of(const SocketSnapshot& s, const SockDiagScope& scope);

}  // namespace sct
