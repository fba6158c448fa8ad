// What the kernel says of a socket, by inode, through NETLINK_SOCK_DIAG
// (linux/sock_diag.h, inet_diag.h, unix_diag.h, netlink_diag.h): its
// endpoints in strace 6.1's words, "TCP:[127.0.0.1:41234->127.0.0.1:6379]",
// "UNIX-STREAM:[12345->12346]", "NETLINK:[ROUTE:1234]". One small API, for
// -yy and for anything else that wants to name a socket.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "session/sock_endpoints.hpp"

namespace sct {

class SockDiag {
 public:
  SockDiag() = default;
  ~SockDiag();
  SockDiag(const SockDiag&) = delete;
  SockDiag& operator=(const SockDiag&) = delete;

  // The description of socket `inode`, whose protocol the kernel names
  // `proto` (its "system.sockprotoname": TCP, UDPv6, UNIX-STREAM, NETLINK),
  // or nullopt when sock_diag does not know it: a family it does not cover,
  // a socket not bound yet (the kernel lists only hashed sockets), or gone.
  std::optional<std::string> describe(uint64_t inode, std::string_view proto);
  // The namespace its answers come from and whether it lists bound-only TCP
  // sockets, learnt once (a socket of its own is bound and asked about).
  const SockDiagScope& scope();

 private:
  // Sends one dump request and returns the first reply about `inode`
  // formatted by the family's parser.
  std::optional<std::string> query(std::span<const uint8_t> request, uint64_t inode, std::string_view proto);
  int fd_ = -1;
  std::optional<SockDiagScope> scope_;
};

// The parsers, one netlink message each (the header included): the
// description when the message is about `inode`, else nullopt.
std::optional<std::string> parse_inet_diag(std::span<const uint8_t> msg, uint64_t inode, std::string_view proto);
std::optional<std::string> parse_unix_diag(std::span<const uint8_t> msg, uint64_t inode, std::string_view proto);
std::optional<std::string> parse_netlink_diag(std::span<const uint8_t> msg, uint64_t inode, std::string_view proto);

}  // namespace sct
