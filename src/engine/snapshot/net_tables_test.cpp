#include "engine/snapshot/net_tables.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

namespace sct {
namespace {

uint64_t inode_of(int fd) {
  struct stat st {};
  fstat(fd, &st);
  return st.st_ino;
}

TEST(NetTables, TcpConnectionOnThisHost) {
  int ls = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  ASSERT_EQ(bind(ls, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  ASSERT_EQ(listen(ls, 1), 0);
  ASSERT_EQ(getsockname(ls, reinterpret_cast<sockaddr*>(&a), &len), 0);
  int c = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_EQ(connect(c, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  const std::string server = "127.0.0.1:" + std::to_string(ntohs(a.sin_port));

  // Not accepted yet: the peer is in the listener's queue, owned by no descriptor.
  std::vector<NetSocket> table = read_net_tables(getpid());
  const NetSocket* cs = socket_by_inode(table, inode_of(c));
  ASSERT_TRUE(cs);
  EXPECT_EQ(cs->proto, "tcp");
  EXPECT_EQ(cs->remote, server);
  EXPECT_STREQ(tcp_state_name(cs->state), "ESTABLISHED");
  const NetSocket* queued = tcp_peer(table, *cs);
  ASSERT_TRUE(queued);
  EXPECT_EQ(queued->inode, 0u);
  const NetSocket* l = tcp_listener(table, *cs);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->inode, inode_of(ls));

  int s = accept(ls, nullptr, nullptr);
  table = read_net_tables(getpid());
  cs = socket_by_inode(table, inode_of(c));
  ASSERT_TRUE(cs);
  const NetSocket* peer = tcp_peer(table, *cs);
  ASSERT_TRUE(peer);
  EXPECT_EQ(peer->inode, inode_of(s));
  EXPECT_EQ(peer->local, server);
  close(s);
  close(c);
  close(ls);
}

TEST(NetTables, UnixSocketPath) {
  int fds[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
  std::vector<NetSocket> table = read_net_tables(getpid());
  const NetSocket* s = socket_by_inode(table, inode_of(fds[0]));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->proto, "unix");
  EXPECT_EQ(s->local, "");  // a socketpair has no path
  EXPECT_FALSE(tcp_peer(table, *s));
  close(fds[0]);
  close(fds[1]);
}

}  // namespace
}  // namespace sct
