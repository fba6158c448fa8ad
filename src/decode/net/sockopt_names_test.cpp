#include <sys/socket.h>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

// ip(8) and ss(8) set netlink options; strace names them, and newer options
// of the other levels too (lines from strace 6.1).
TEST(Sockopt, NamesPerLevel) {
  FakeMemory m;
  m.put_obj(0x1000, int{1});
  EXPECT_EQ(trace_line("setsockopt", {3, 270, 11, 0x1000, 4}, 0, m),
            "setsockopt(3, SOL_NETLINK, NETLINK_EXT_ACK, [1], 4) = 0");
  EXPECT_EQ(trace_line("setsockopt", {3, 270, 12, 0x1000, 4}, 0, m),
            "setsockopt(3, SOL_NETLINK, NETLINK_GET_STRICT_CHK, [1], 4) = 0");
  EXPECT_EQ(trace_line("setsockopt", {3, 270, 13, 0x1000, 4}, -92, m),
            "setsockopt(3, SOL_NETLINK, 0xd /* NETLINK_??? */, [1], 4) = -1 ENOPROTOOPT (Protocol not available)");
  EXPECT_EQ(trace_line("setsockopt", {3, SOL_SOCKET, 66, 0x1000, 4}, 0, m),
            "setsockopt(3, SOL_SOCKET, SO_RCVTIMEO_NEW, [1], 4) = 0");
  EXPECT_EQ(trace_line("setsockopt", {3, SOL_SOCKET, 0x36, 0x1000, 4}, -92, m),
            "setsockopt(3, SOL_SOCKET, 0x36 /* SO_??? */, [1], 4) = -1 ENOPROTOOPT (Protocol not available)");
  EXPECT_EQ(trace_line("setsockopt", {3, 0, 24, 0x1000, 4}, 0, m),
            "setsockopt(3, SOL_IP, IP_BIND_ADDRESS_NO_PORT, [1], 4) = 0");
  EXPECT_EQ(trace_line("setsockopt", {3, 17, 103, 0x1000, 4}, 0, m),
            "setsockopt(3, SOL_UDP, UDP_SEGMENT, [1], 4) = 0");
  EXPECT_EQ(trace_line("setsockopt", {3, 41, 26, 0x1000, 4}, 0, m),
            "setsockopt(3, SOL_IPV6, IPV6_V6ONLY, [1], 4) = 0");
}

}  // namespace
}  // namespace sct::testing
