#include "session/fd_details.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <vector>

#include "core/decode_options.hpp"

namespace sct {
namespace {

SocketSnapshot connected_tcp(uint64_t inode) {
  SocketSnapshot s;
  s.fd = 1000;  // no such descriptor here: /proc cannot answer
  s.inode = inode;
  struct stat st;
  if (stat("/proc/self/ns/net", &st) == 0) s.netns = st.st_ino;
  s.proto = "TCP";
  s.family = AF_INET;
  s.state = TCP_ESTABLISHED;
  s.hashed = true;
  s.port = 41234;
  s.sport_be = htons(41234);
  s.dport_be = htons(6379);
  inet_pton(AF_INET, "127.0.0.1", s.src);
  inet_pton(AF_INET, "127.0.0.1", s.dst);
  return s;
}

// The engine's copy is the answer, and strace's cache keeps the first.
TEST(FdDetails, TheCopyAtTheCallIsTheAnswer) {
  FdDetails d;
  SocketSnapshot s = connected_tcp(900000001);
  EXPECT_EQ(d.describe(getpid(), getpid(), 1000, "socket:[900000001]", kFdSocket, &s),
            "TCP:[127.0.0.1:41234->127.0.0.1:6379]");
  SocketSnapshot later = s;
  later.dport_be = htons(1);
  EXPECT_EQ(d.describe(getpid(), getpid(), 1000, "socket:[900000001]", kFdSocket, &later),
            "TCP:[127.0.0.1:41234->127.0.0.1:6379]");
}

// A short copy (known) whose whole copy came with a call that was not
// shown: the whole copy answers.
TEST(FdDetails, KnownCopyFallsBackToTheLastWholeOne) {
  FdDetails d;
  std::vector<SocketSnapshot> hidden{connected_tcp(900000002)};
  d.learn(hidden);
  SocketSnapshot known;
  known.fd = 1000;
  known.inode = 900000002;
  known.known = true;
  EXPECT_EQ(d.describe(getpid(), getpid(), 1000, "socket:[900000002]", kFdSocket, &known),
            "TCP:[127.0.0.1:41234->127.0.0.1:6379]");
  // Never seen whole, and no descriptor to ask about: the link, as for a
  // socket gone before its record was read.
  known.inode = 900000003;
  EXPECT_EQ(d.describe(getpid(), getpid(), 1000, "socket:[900000003]", kFdSocket, &known), "socket:[900000003]");
}

// Not listed by sock_diag when copied (unbound): the protocol and inode.
TEST(FdDetails, UnlistedCopyPrintsProtocolAndInode) {
  FdDetails d;
  SocketSnapshot s = connected_tcp(900000004);
  s.state = TCP_CLOSE;
  s.hashed = false;
  s.port = 0;
  EXPECT_EQ(d.describe(getpid(), getpid(), 1000, "socket:[900000004]", kFdSocket, &s), "TCP:[900000004]");
}

}  // namespace
}  // namespace sct
