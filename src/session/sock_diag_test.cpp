#include "session/sock_diag.hpp"

#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <gtest/gtest.h>
#include <vector>

namespace sct {
namespace {

// One reply message as the kernel lays it out: the netlink header, the
// family's struct, then attributes.
template <class Msg>
std::vector<uint8_t> reply(const Msg& m, const std::vector<std::pair<uint16_t, std::string>>& attrs = {}) {
  std::vector<uint8_t> out(NLMSG_LENGTH(sizeof m));
  memcpy(out.data() + NLMSG_HDRLEN, &m, sizeof m);
  for (const auto& [type, data] : attrs) {
    size_t at = NLMSG_ALIGN(out.size());
    out.resize(at + RTA_SPACE(data.size()));
    rtattr a{static_cast<unsigned short>(RTA_LENGTH(data.size())), type};
    memcpy(out.data() + at, &a, sizeof a);
    memcpy(out.data() + at + RTA_LENGTH(0), data.data(), data.size());
  }
  nlmsghdr h{};
  h.nlmsg_len = static_cast<uint32_t>(out.size());
  h.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  memcpy(out.data(), &h, sizeof h);
  return out;
}

TEST(SockDiag, InetShowsThePeerOnlyWhenThereIsOne) {
  inet_diag_msg m{};
  m.idiag_family = AF_INET;
  m.idiag_inode = 41;
  inet_pton(AF_INET, "127.0.0.1", m.id.idiag_src);
  m.id.idiag_sport = htons(41234);
  EXPECT_EQ(parse_inet_diag(reply(m), 41, "UDP"), "UDP:[127.0.0.1:41234]");
  inet_pton(AF_INET, "127.0.0.1", m.id.idiag_dst);
  m.id.idiag_dport = htons(6379);
  EXPECT_EQ(parse_inet_diag(reply(m), 41, "TCP"), "TCP:[127.0.0.1:41234->127.0.0.1:6379]");
  EXPECT_EQ(parse_inet_diag(reply(m), 42, "TCP"), std::nullopt);  // another socket
}

TEST(SockDiag, Inet6IsBracketed) {
  inet_diag_msg m{};
  m.idiag_family = AF_INET6;
  m.idiag_inode = 7;
  inet_pton(AF_INET6, "::1", m.id.idiag_src);
  m.id.idiag_sport = htons(54877);
  EXPECT_EQ(parse_inet_diag(reply(m), 7, "TCPv6"), "TCPv6:[[::1]:54877]");
}

TEST(SockDiag, UnixPeerAndName) {
  unix_diag_msg m{};
  m.udiag_family = AF_UNIX;
  m.udiag_ino = 100;
  EXPECT_EQ(parse_unix_diag(reply(m), 100, "UNIX-STREAM"), "UNIX-STREAM:[100]");
  uint32_t peer = 101;
  std::string p(reinterpret_cast<const char*>(&peer), sizeof peer);
  // A path's name comes with its NUL.
  std::string path("/tmp/s.sock\0", 12);
  EXPECT_EQ(parse_unix_diag(reply(m, {{UNIX_DIAG_PEER, p}, {UNIX_DIAG_NAME, path}}), 100, "UNIX-STREAM"),
            "UNIX-STREAM:[100->101,\"/tmp/s.sock\"]");
  // Abstract: '@' before the quoted rest, as strace 6.1 prints an autobound
  // socket's name (close(3<UNIX:[5073760,@"103b4"]>)).
  EXPECT_EQ(parse_unix_diag(reply(m, {{UNIX_DIAG_NAME, std::string("\0abs", 4)}}), 100, "UNIX"),
            "UNIX:[100,@\"abs\"]");
  // A truncated attribute is not read past the message.
  auto cut = reply(m, {{UNIX_DIAG_NAME, path}});
  cut.resize(cut.size() - 8);
  reinterpret_cast<nlmsghdr*>(cut.data())->nlmsg_len = static_cast<uint32_t>(cut.size());
  EXPECT_EQ(parse_unix_diag(cut, 100, "UNIX"), "UNIX:[100]");
}

TEST(SockDiag, NetlinkProtocolAndPort) {
  netlink_diag_msg m{};
  m.ndiag_family = AF_NETLINK;
  m.ndiag_ino = 9;
  m.ndiag_protocol = NETLINK_ROUTE;
  m.ndiag_portid = 1234;
  EXPECT_EQ(parse_netlink_diag(reply(m), 9, "NETLINK"), "NETLINK:[ROUTE:1234]");
  m.ndiag_protocol = NETLINK_KOBJECT_UEVENT;
  EXPECT_EQ(parse_netlink_diag(reply(m), 9, "NETLINK"), "NETLINK:[KOBJECT_UEVENT:1234]");
}

TEST(SockDiag, ShortMessageIsNotParsed) {
  std::vector<uint8_t> tiny(NLMSG_HDRLEN);
  EXPECT_EQ(parse_inet_diag(tiny, 0, "TCP"), std::nullopt);
  EXPECT_EQ(parse_unix_diag(tiny, 0, "UNIX"), std::nullopt);
}

// The kernel itself: a listening socket of our own, found by its inode.
TEST(SockDiag, DescribesALiveListener) {
  int l = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(l, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(l, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  ASSERT_EQ(listen(l, 1), 0);
  socklen_t len = sizeof a;
  getsockname(l, reinterpret_cast<sockaddr*>(&a), &len);
  struct stat st;
  ASSERT_EQ(fstat(l, &st), 0);
  SockDiag diag;
  auto d = diag.describe(st.st_ino, "TCP");
  close(l);
  ASSERT_TRUE(d);
  EXPECT_EQ(*d, "TCP:[127.0.0.1:" + std::to_string(ntohs(a.sin_port)) + "]");
  EXPECT_EQ(diag.describe(st.st_ino, "RAW"), std::nullopt);  // a family it does not cover
}

}  // namespace
}  // namespace sct
