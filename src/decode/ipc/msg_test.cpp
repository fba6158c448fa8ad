#include <cstdint>
#include <cstring>
#include <string>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

constexpr uint64_t kBuf = 0x7000;

// A struct msgbuf: the type, then `text` (padded to 16 bytes at least).
std::string msgbuf(long type, std::string text) {
  std::string b(sizeof type, '\0');
  std::memcpy(b.data(), &type, sizeof type);
  if (text.size() < 8) text.resize(8, '\0');
  return b + text;
}

// Expected lines: strace 6.1's (tests/golden/msg_io.out).
TEST(SysvMsg, SendPrintsTextOfMsgsz) {
  FakeMemory m;
  m.put(kBuf, msgbuf(1, "hello world"));
  EXPECT_EQ(trace_line_unpadded("msgsnd", {0, kBuf, 5, 0xffffffff00000000 | 04000 | 010000}, 0, m),
            "msgsnd(0, {mtype=1, mtext=\"hello\"}, 5, MSG_NOERROR|IPC_NOWAIT) = 0");
  EXPECT_EQ(trace_line_unpadded("msgsnd", {0, kBuf, 0, 0x100}, -22, m),
            "msgsnd(0, {mtype=1, mtext=\"\"}, 0, 0x100 /* MSG_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("msgsnd", {0, 1, 5, 0}, -14, m), "msgsnd(0, 0x1, 5, 0) = -1 EFAULT (Bad address)");
  EXPECT_EQ(trace_line_unpadded("msgsnd", {0, 0, 5, 0}, -14, m), "msgsnd(0, NULL, 5, 0) = -1 EFAULT (Bad address)");
}

// strace reads the type with 8 bytes of text: 12 readable bytes are too few
// even for a text of 4.
TEST(SysvMsg, ShortStructIsAnAddress) {
  FakeMemory m;
  m.put(kBuf, msgbuf(2, "abcd").substr(0, 12));
  EXPECT_EQ(trace_line_unpadded("msgsnd", {0, kBuf, 4, 0}, 0, m), "msgsnd(0, 0x7000, 4, 0) = 0");
}

// A text that cannot be read is its address inside the struct.
TEST(SysvMsg, UnreadableTextIsItsAddress) {
  FakeMemory m;
  m.put(kBuf, msgbuf(2, "abcdefgh"));
  EXPECT_EQ(trace_line_unpadded("msgsnd", {0, kBuf, 100, 0}, 0, m), "msgsnd(0, {mtype=2, mtext=0x7008}, 100, 0) = 0");
}

TEST(SysvMsg, ReceivePrintsMsgszBytesAtExit) {
  FakeMemory m;
  m.put(kBuf, msgbuf(7, std::string("x\1y\0\0\0\0\0", 8)));
  EXPECT_EQ(trace_line_unpadded("msgrcv", {0, kBuf, 8, 7, 04000}, 3, m),
            "msgrcv(0, {mtype=7, mtext=\"x\\1y\\0\\0\\0\\0\\0\"}, 8, 7, IPC_NOWAIT) = 3");
  EXPECT_EQ(trace_line_unpadded("msgrcv", {0, kBuf, 8, static_cast<uint64_t>(-3L), 04000 | 020000 | 0x80}, -42, m),
            "msgrcv(0, 0x7000, 8, -3, MSG_EXCEPT|IPC_NOWAIT|0x80) = -1 ENOMSG (No message of desired type)");
  EXPECT_EQ(trace_line_unpadded("msgrcv", {0, kBuf, 8, 0xffffffffff, 0}, 3, m),
            "msgrcv(0, {mtype=7, mtext=\"x\\1y\\0\\0\\0\\0\\0\"}, 8, 1099511627775, 0) = 3");
}

}  // namespace
}  // namespace sct::testing
