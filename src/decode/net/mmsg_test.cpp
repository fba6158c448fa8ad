#include <sys/socket.h>
#include <sys/un.h>
#include <sys/uio.h>

#include <ctime>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

// Two messages at 0x1000: "hello world!" (two iovecs of 4 and 8 bytes at 0x200)
// and "xy" (one of 2 at 0x300).
void put_two(FakeMemory& m, unsigned len0, unsigned len1) {
  m.put(0x100, "hello world!");
  m.put(0x180, "xy");
  iovec a[2] = {{reinterpret_cast<void*>(0x100), 4}, {reinterpret_cast<void*>(0x104), 8}};
  iovec b{reinterpret_cast<void*>(0x180), 2};
  m.put_obj(0x200, a);
  m.put_obj(0x300, b);
  mmsghdr h[2] = {};
  h[0].msg_hdr.msg_iov = reinterpret_cast<iovec*>(0x200);
  h[0].msg_hdr.msg_iovlen = 2;
  h[0].msg_len = len0;
  h[1].msg_hdr.msg_iov = reinterpret_cast<iovec*>(0x300);
  h[1].msg_hdr.msg_iovlen = 1;
  h[1].msg_len = len1;
  m.put_obj(0x1000, h);
}

// The first message, its second iovec's data shown as `rest`.
std::string first(const char* rest) {
  return std::string(R"({msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="hell", iov_len=4}, {iov_base=")") +
         rest + R"(", iov_len=8}], msg_iovlen=2, msg_controllen=0, msg_flags=0})";
}
constexpr const char* kSecond =
    R"({msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="xy", iov_len=2}], msg_iovlen=1, )"
    R"(msg_controllen=0, msg_flags=0})";

TEST(Sendmmsg, AllEntriesTheSentOnesWithLength) {
  FakeMemory m;
  put_two(m, 5, 0);
  // One of two sent: strace shows both, msg_len only for the first.
  EXPECT_EQ(trace_line_unpadded("sendmmsg", {3, 0x1000, 2, MSG_DONTWAIT}, 1, m),
            "sendmmsg(3, [" + first("o world!") + ", msg_len=5}, " + kSecond + "}], 2, MSG_DONTWAIT) = 1");
  EXPECT_EQ(trace_line_unpadded("sendmmsg", {-1ULL, 0x1000, 2, 0}, -9, m),
            "sendmmsg(-1, [" + first("o world!") + "}, " + kSecond + "}], 2, 0) = -1 EBADF (Bad file descriptor)");
  // Flags are an unsigned int: high bits of the register are not shown.
  EXPECT_EQ(trace_line_unpadded("sendmmsg", {3, 0x8, 2, 0xffffffff00000000ULL | MSG_NOSIGNAL}, -14, m),
            "sendmmsg(3, 0x8, 2, MSG_NOSIGNAL) = -1 EFAULT (Bad address)");
  EXPECT_EQ(trace_line_unpadded("sendmmsg", {3, 0, 0, 0x40000000}, 0, m),
            "sendmmsg(3, NULL, 0, MSG_CMSG_CLOEXEC) = 0");
}

TEST(Sendmmsg, StringLimitElidesMessages) {
  FakeMemory m;
  put_two(m, 5, 2);
  DecodeOptions o;
  o.max_strlen = 1;
  EXPECT_EQ(trace_line_unpadded("sendmmsg", {3, 0x1000, 2, 0}, 2, m, o),
            R"(sendmmsg(3, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="h"..., iov_len=4}, ...], )"
            R"(msg_iovlen=2, msg_controllen=0, msg_flags=0}, msg_len=5}, ...], 2, 0) = 2)");
}

TEST(Recvmmsg, ReceivedDataTimeoutAndTimeLeft) {
  FakeMemory m;
  put_two(m, 5, 2);
  timespec t{1, 500};
  m.put_obj(0x2000, t);
  FakeMemory after;
  put_two(after, 5, 2);
  timespec left{0, 7};
  after.put_obj(0x2000, left);
  // msg_len bytes of each message, spread over its iovecs.
  EXPECT_EQ(trace_line("recvmmsg", {3, 0x1000, 3, MSG_WAITFORONE, 0x2000}, 2, m, {}, &after),
            "recvmmsg(3, [" + first("o") + ", msg_len=5}, " + kSecond +
                ", msg_len=2}], 3, MSG_WAITFORONE, {tv_sec=1, tv_nsec=500}) = 2 (left {tv_sec=0, tv_nsec=7})");
  put_two(m, 1, 2);
  EXPECT_EQ(trace_line_unpadded("recvmmsg", {3, 0x1000, 1, 0, 0}, 1, m),
            R"(recvmmsg(3, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="h", iov_len=4}, )"
            R"({iov_base="", iov_len=8}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, msg_len=1}], 1, 0, NULL) = 1)");
}

TEST(Recvmmsg, FailureShowsTheAddressAndTheTimeoutAtEntry) {
  FakeMemory m;
  put_two(m, 0, 0);
  timespec t{1, 500};
  m.put_obj(0x2000, t);
  EXPECT_EQ(trace_line_unpadded("recvmmsg", {-1ULL, 0x1000, 2, 0, 0x2000}, -9, m),
            "recvmmsg(-1, 0x1000, 2, 0, {tv_sec=1, tv_nsec=500}) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(trace_line_unpadded("recvmmsg", {3, 0x8, 2, MSG_DONTWAIT, 0x8}, -14, m),
            "recvmmsg(3, 0x8, 2, MSG_DONTWAIT, 0x8) = -1 EFAULT (Bad address)");
}

TEST(Recvmmsg, NameLengthBeforeAndAfter) {
  FakeMemory m;
  put_two(m, 0, 0);
  mmsghdr h[2];
  m.read(0x1000, h, sizeof h);
  h[0].msg_hdr.msg_name = reinterpret_cast<void*>(0x400);
  h[0].msg_hdr.msg_namelen = 64;
  m.put_obj(0x1000, h);
  FakeMemory after;
  put_two(after, 2, 2);
  sockaddr_un un{};
  un.sun_family = AF_UNIX;
  after.put_obj(0x400, un);
  h[0].msg_hdr.msg_namelen = 2;
  h[0].msg_len = 2;
  h[1].msg_len = 2;
  after.put_obj(0x1000, h);
  // The first message's name shrank: 64 => 2; the second had none.
  EXPECT_EQ(trace_line("recvmmsg", {3, 0x1000, 2, 0, 0}, 2, m, {}, &after),
            R"(recvmmsg(3, [{msg_hdr={msg_name={sa_family=AF_UNIX}, msg_namelen=64 => 2, msg_iov=[{iov_base="he", iov_len=4}, )"
            R"({iov_base="", iov_len=8}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, msg_len=2}, )" +
                std::string(kSecond) + ", msg_len=2}], 2, 0, NULL) = 2");
}

}  // namespace
}  // namespace sct::testing
