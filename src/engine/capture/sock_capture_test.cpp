#include "engine/capture/sock_capture.hpp"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <cstring>
#include <gtest/gtest.h>
#include <vector>

namespace sct {
namespace {

sct_sock_plan plan(const char* name) {
  const SyscallInfo* s = syscall_by_name(name);
  EXPECT_NE(s, nullptr) << name;
  return s ? sock_plan(*s) : sct_sock_plan{};
}

TEST(SockPlan, DescriptorsPrintedAtEntryAndThoseMadeAtExit) {
  EXPECT_EQ(plan("read").entry_fds, 1);
  EXPECT_EQ(plan("read").ret_fd, 0);
  EXPECT_EQ(plan("sendfile").entry_fds, 3);
  EXPECT_EQ(plan("epoll_ctl").entry_fds, 1 | 4);
  EXPECT_EQ(plan("accept").entry_fds, 1);
  EXPECT_EQ(plan("accept").ret_fd, 1);
  EXPECT_EQ(plan("socket").entry_fds, 0);
  EXPECT_EQ(plan("socket").ret_fd, 1);
  EXPECT_EQ(plan("socketpair").pair_arg, 4);
  EXPECT_EQ(plan("pipe2").pair_arg, 0);
}

// A record with two copies, one per phase: each is read back at its phase.
TEST(SockCapture, CopiesReadBackByPhase) {
  sct_sock k{};
  k.ino = 5073608;
  k.fd = 4;
  k.phase = SCT_SOCK_AT_EXIT;
  k.family = AF_INET;
  k.num = 41234;
  k.sport = htons(41234);
  k.hashed = 1;
  strcpy(k.proto, "TCP");
  sct_sock u{};
  u.ino = 12;
  u.fd = 11;
  u.phase = SCT_SOCK_AT_ENTRY;
  u.family = AF_UNIX;
  u.peer_ino = 13;
  u.name_len = 4;
  memcpy(u.name, "\0abcXYZ", 7);
  strcpy(u.proto, "UNIX");

  std::vector<uint8_t> rec(sizeof(sct_record));
  auto add = [&](const sct_sock& s) {
    sct_capture_hdr h{SCT_AT_SOCK, sizeof s, 0};
    const auto* hp = reinterpret_cast<const uint8_t*>(&h);
    const auto* sp = reinterpret_cast<const uint8_t*>(&s);
    rec.insert(rec.end(), hp, hp + sizeof h);
    rec.insert(rec.end(), sp, sp + sizeof s);
  };
  add(k);
  add(u);
  sct_record r{};
  r.size = static_cast<unsigned>(rec.size());
  r.ncaptures = 2;
  memcpy(rec.data(), &r, sizeof r);
  CapturedMemory mem;
  ASSERT_TRUE(mem.add_record(rec.data(), rec.size()));

  std::vector<SocketSnapshot> at_exit, at_entry;
  socket_snapshots(mem, SCT_SOCK_AT_EXIT, at_exit);
  socket_snapshots(mem, SCT_SOCK_AT_ENTRY, at_entry);
  ASSERT_EQ(at_exit.size(), 1u);
  ASSERT_EQ(at_entry.size(), 1u);
  EXPECT_EQ(at_exit[0].fd, 4);
  EXPECT_EQ(at_exit[0].inode, 5073608u);
  EXPECT_EQ(at_exit[0].proto, "TCP");
  EXPECT_EQ(at_exit[0].port, 41234);
  EXPECT_TRUE(at_exit[0].hashed);
  EXPECT_FALSE(at_exit[0].has_unix_name);
  EXPECT_EQ(at_entry[0].fd, 11);
  EXPECT_EQ(at_entry[0].peer_inode, 13u);
  EXPECT_TRUE(at_entry[0].has_unix_name);
  // Only the name's bytes: what follows in the copy is not the name.
  EXPECT_EQ(at_entry[0].unix_name, std::string("\0abc", 4));
}

// Copies are as long as they need: the head of a known inode, or a full
// copy cut after its name; a name longer than what was sent is cut there.
TEST(SockCapture, ShortAndTrimmedCopies) {
  sct_sock known{};
  known.ino = 7;
  known.fd = 3;
  known.flags = SCT_SOCKF_KNOWN;
  sct_sock named{};
  named.ino = 8;
  named.fd = 5;
  named.family = AF_UNIX;
  named.name_len = 20;  // more than the 8 bytes sent
  memcpy(named.name, "/tmp/abcdefgh", 13);
  std::vector<uint8_t> rec(sizeof(sct_record));
  auto add = [&](const sct_sock& s, size_t len) {
    sct_capture_hdr h{SCT_AT_SOCK, static_cast<unsigned>(len), 0};
    const auto* hp = reinterpret_cast<const uint8_t*>(&h);
    const auto* sp = reinterpret_cast<const uint8_t*>(&s);
    rec.insert(rec.end(), hp, hp + sizeof h);
    rec.insert(rec.end(), sp, sp + len);
  };
  add(known, SCT_SOCK_SHORT);
  add(named, SCT_SOCK_HEAD + 8);
  add(named, SCT_SOCK_SHORT);  // not known and too short: ignored
  sct_record r{};
  r.size = static_cast<unsigned>(rec.size());
  r.ncaptures = 3;
  memcpy(rec.data(), &r, sizeof r);
  CapturedMemory mem;
  ASSERT_TRUE(mem.add_record(rec.data(), rec.size()));
  std::vector<SocketSnapshot> got;
  socket_snapshots(mem, SCT_SOCK_AT_ENTRY, got);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_TRUE(got[0].known);
  EXPECT_EQ(got[0].inode, 7u);
  EXPECT_EQ(got[0].fd, 3);
  EXPECT_FALSE(got[1].known);
  EXPECT_EQ(got[1].unix_name, "/tmp/abc");
}

}  // namespace
}  // namespace sct
