#include "session/sock_endpoints.hpp"

#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <gtest/gtest.h>

namespace sct {
namespace {

constexpr SockDiagScope kScope{4026531840u, true};

SocketSnapshot tcp(int state, uint16_t port, bool hashed) {
  SocketSnapshot s;
  s.inode = 77;
  s.netns = kScope.netns;
  s.proto = "TCP";
  s.family = AF_INET;
  s.state = state;
  s.port = port;
  s.hashed = hashed;
  s.sport_be = htons(port);
  inet_pton(AF_INET, "127.0.0.1", s.src);
  return s;
}

std::optional<std::string> text(const SocketSnapshot& s, const SockDiagScope& scope = kScope) {
  auto e = endpoints_of(s, scope);
  if (!e) return std::nullopt;
  return format_endpoints(*e, s.inode, s.proto);
}

// What inet_diag lists: not a socket that is neither bound nor hashed; a
// bound-only one where the kernel lists TCP_BOUND_INACTIVE (strace 6.1
// on Linux 6.18: listen(4<TCP:[127.0.0.1:34997]>, 4) before it listens).
TEST(SockEndpoints, TcpListedAsInetDiagListsIt) {
  EXPECT_EQ(text(tcp(TCP_CLOSE, 0, false)), std::nullopt);
  EXPECT_EQ(text(tcp(TCP_CLOSE, 41234, false)), "TCP:[127.0.0.1:41234]");
  EXPECT_EQ(text(tcp(TCP_CLOSE, 41234, false), SockDiagScope{kScope.netns, false}), std::nullopt);
  EXPECT_EQ(text(tcp(TCP_LISTEN, 41234, true)), "TCP:[127.0.0.1:41234]");
  SocketSnapshot c = tcp(TCP_ESTABLISHED, 41234, true);
  inet_pton(AF_INET, "127.0.0.1", c.dst);
  c.dport_be = htons(6379);
  EXPECT_EQ(text(c), "TCP:[127.0.0.1:41234->127.0.0.1:6379]");
  // Refused: closed, its port given back.
  EXPECT_EQ(text(tcp(TCP_CLOSE, 0, false)), std::nullopt);
  // Another network namespace: sock_diag answers about its own only.
  c.netns += 1;
  EXPECT_EQ(text(c), std::nullopt);
}

TEST(SockEndpoints, UdpOnlyWhenHashedAndFamilyMatchesTheName) {
  SocketSnapshot u = tcp(TCP_CLOSE, 0, false);
  u.proto = "UDP";
  EXPECT_EQ(text(u), std::nullopt);
  u.hashed = true;
  u.port = 5353;
  u.sport_be = htons(5353);
  EXPECT_EQ(text(u), "UDP:[127.0.0.1:5353]");
  u.proto = "UDPv6";  // asked as AF_INET6: an AF_INET socket is not among them
  EXPECT_EQ(text(u), std::nullopt);
  SocketSnapshot v = u;
  v.family = AF_INET6;
  inet_pton(AF_INET6, "::1", v.src);
  EXPECT_EQ(text(v), "UDPv6:[[::1]:5353]");
}

TEST(SockEndpoints, UnixAlwaysListed) {
  SocketSnapshot s;
  s.inode = 100;
  s.netns = kScope.netns;
  s.proto = "UNIX-STREAM";
  s.family = AF_UNIX;
  EXPECT_EQ(text(s), "UNIX-STREAM:[100]");
  s.peer_inode = 101;
  s.has_unix_name = true;
  s.unix_name = std::string("/tmp/s.sock\0junk", 16);
  EXPECT_EQ(text(s), "UNIX-STREAM:[100->101,\"/tmp/s.sock\"]");
  s.peer_inode = 0;
  s.unix_name = std::string("\0" "103b4", 6);
  EXPECT_EQ(text(s), "UNIX-STREAM:[100,@\"103b4\"]");
}

TEST(SockEndpoints, NetlinkOnlyWhenBound) {
  SocketSnapshot s;
  s.inode = 9;
  s.netns = kScope.netns;
  s.proto = "NETLINK";
  s.family = AF_NETLINK;
  s.protocol = NETLINK_ROUTE;
  EXPECT_EQ(text(s), std::nullopt);
  s.netlink_listed = true;
  s.portid = 1234;
  EXPECT_EQ(text(s), "NETLINK:[ROUTE:1234]");
}

TEST(SockEndpoints, FamiliesSockDiagDoesNotCover) {
  SocketSnapshot s = tcp(TCP_ESTABLISHED, 1, true);
  s.proto = "RAW";
  EXPECT_EQ(text(s), std::nullopt);
  s.proto = "PING";
  EXPECT_EQ(text(s), std::nullopt);
}

}  // namespace
}  // namespace sct
