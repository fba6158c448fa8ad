#include <sys/uio.h>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

TEST(Read, BufferAtExitLimitedByS) {
  FakeMemory m;
  m.put(0x1000, "0123456789abcdefghijklmnopqrstuvwxyz");
  EXPECT_EQ(trace_line("read", {3, 0x1000, 100}, 36, m),
            R"(read(3, "0123456789abcdefghijklmnopqrstuv"..., 100) = 36)");
  DecodeOptions s4;
  s4.max_strlen = 4;
  EXPECT_EQ(trace_line("read", {3, 0x1000, 100}, 4, m, s4), R"(read(3, "0123", 100)                    = 4)");
}

TEST(Read, FailureAndUnreadableBufferPrintAddresses) {
  FakeMemory m;
  EXPECT_EQ(trace_line("read", {99, 0x7ffc0000, 10}, -9, m),
            "read(99, 0x7ffc0000, 10)                = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(trace_line("read", {3, 0xdead0000, 10}, 10, m), "read(3, 0xdead0000, 10)                 = 10");
}

TEST(Write, EscapesAndHex) {
  FakeMemory m;
  m.put(0x1000, std::string("\0\1\2\3\t\n\"\\\377", 9));
  EXPECT_EQ(trace_line("write", {1, 0x1000, 9}, 9, m), R"(write(1, "\0\1\2\3\t\n\"\\\377", 9)     = 9)");
  DecodeOptions x;
  x.xflag = 1;
  m.put(0x2000, "hello\n");
  EXPECT_EQ(trace_line("write", {1, 0x2000, 6}, 6, m, x), R"(write(1, "hello\n", 6)                  = 6)");
}

TEST(Writev, Iovecs) {
  FakeMemory m;
  m.put(0x100, "abc");
  m.put(0x200, "defgh");
  iovec iov[2] = {{reinterpret_cast<void*>(0x100), 3}, {reinterpret_cast<void*>(0x200), 5}};
  m.put_obj(0x1000, iov);
  EXPECT_EQ(trace_line("writev", {4, 0x1000, 2}, 8, m),
            R"(writev(4, [{iov_base="abc", iov_len=3}, {iov_base="defgh", iov_len=5}], 2) = 8)");
}

TEST(Lseek, WhenceNames) {
  FakeMemory m;
  EXPECT_EQ(trace_line("lseek", {3, 0, 1}, 0, m), "lseek(3, 0, SEEK_CUR)                   = 0");
  EXPECT_EQ(trace_line("lseek", {3, 0, 9}, -22, m),
            "lseek(3, 0, 0x9 /* SEEK_??? */)         = -1 EINVAL (Invalid argument)");
}

}  // namespace
}  // namespace sct::testing
