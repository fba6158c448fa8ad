#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/uio.h>

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

namespace sct::testing {
namespace {

TEST(Msg, SendmsgIovecsAndRecvmsgFailure) {
  FakeMemory m;
  m.put(0x100, "hello");
  iovec iov{reinterpret_cast<void*>(0x100), 5};
  m.put_obj(0x200, iov);
  msghdr h{};
  h.msg_iov = reinterpret_cast<iovec*>(0x200);
  h.msg_iovlen = 1;
  m.put_obj(0x1000, h);
  EXPECT_EQ(trace_line("sendmsg", {3, 0x1000, MSG_DONTWAIT}, 5, m),
            R"(sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hello", iov_len=5}], msg_iovlen=1, )"
            R"(msg_controllen=0, msg_flags=0}, MSG_DONTWAIT) = 5)");
  EXPECT_EQ(trace_line("sendmsg", {3, 0x8, 0}, -14, m), "sendmsg(3, 0x8, 0)                      = -1 EFAULT (Bad address)");
  h.msg_namelen = 16;
  m.put_obj(0x1000, h);
  EXPECT_EQ(trace_line("recvmsg", {3, 0x1000, MSG_DONTWAIT}, -11, m),
            "recvmsg(3, {msg_namelen=16}, MSG_DONTWAIT) = -1 EAGAIN (Resource temporarily unavailable)");
  EXPECT_EQ(trace_line("recvmsg", {3, 0x1000, 0}, 2, m),
            R"(recvmsg(3, {msg_name=NULL, msg_namelen=16, msg_iov=[{iov_base="he", iov_len=5}], msg_iovlen=1, )"
            R"(msg_controllen=0, msg_flags=0}, 0) = 2)");
}

}  // namespace
}  // namespace sct::testing
