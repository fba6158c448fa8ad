#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

TEST(Socket, FamilyTypeProtocol) {
  FakeMemory m;
  EXPECT_EQ(trace_line("socket", {AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0}, 3, m),
            "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 3");
  EXPECT_EQ(trace_line("socket", {AF_UNIX, SOCK_DGRAM, 0}, 3, m), "socket(AF_UNIX, SOCK_DGRAM, 0)          = 3");
}

TEST(Connect, RefusedInet) {
  FakeMemory m;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(8080);
  inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
  m.put_obj(0x1000, a);
  EXPECT_EQ(trace_line("connect", {3, 0x1000, sizeof a}, -111, m),
            R"(connect(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, 16) = )"
            "-1 ECONNREFUSED (Connection refused)");
}

TEST(Getsockname, LengthInAndOut) {
  FakeMemory before, after;
  uint32_t offered = 128, written = 16;
  before.put_obj(0x2000, offered);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(80);
  after.put_obj(0x1000, a);
  after.put_obj(0x2000, written);
  EXPECT_EQ(trace_line("getsockname", {3, 0x1000, 0x2000}, 0, before, {}, &after),
            R"(getsockname(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("0.0.0.0")}, [128 => 16]) = 0)");
}

}  // namespace
}  // namespace sct::testing
