#include "session/data_dump.hpp"

#include <sys/socket.h>
#include <sys/uio.h>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct {
namespace {

using testing::FakeMemory;

DecodedCall call(std::string_view name, std::initializer_list<uint64_t> args, int64_t ret) {
  DecodedCall d;
  d.info = syscall_by_name(name);
  d.nr = d.info->nr;
  size_t i = 0;
  for (uint64_t a : args) d.args[i++] = a;
  d.ret = ret;
  d.has_exit = true;
  return d;
}

DecodeOptions all_fds() {
  DecodeOptions o;
  o.read_data.invert = o.write_data.invert = true;  // "all"
  return o;
}

TEST(CollectData, WriteDumpsWhatItWasGivenReadWhatItGot) {
  FakeMemory mem;
  mem.put(0x1000, "hello world");
  auto w = call("write", {3, 0x1000, 11}, 5);  // a short write: strace dumps all 11
  collect_data(w, mem, all_fds());
  ASSERT_EQ(w.data.size(), 1u);
  EXPECT_EQ(w.data[0].bytes, "hello world");
  auto r = call("read", {3, 0x1000, 64}, 5);
  collect_data(r, mem, all_fds());
  ASSERT_EQ(r.data.size(), 1u);
  EXPECT_EQ(r.data[0].bytes, "hello");
}

TEST(CollectData, OnlyTheSetsDescriptorsAndSuccessfulCalls) {
  FakeMemory mem;
  mem.put(0x1000, "abc");
  DecodeOptions o;
  o.write_data.fds = {4};
  auto w = call("write", {3, 0x1000, 3}, 3);
  collect_data(w, mem, o);
  EXPECT_TRUE(w.data.empty());
  auto r = call("read", {4, 0x1000, 3}, 3);  // 4 is in the write set only
  collect_data(r, mem, o);
  EXPECT_TRUE(r.data.empty());
  auto failed = call("write", {4, 0x1000, 3}, -9);
  collect_data(failed, mem, o);
  EXPECT_TRUE(failed.data.empty());
  auto other = call("pwrite64", {4, 0x1000, 3, 0}, 3);
  collect_data(other, mem, o);
  EXPECT_EQ(other.data.size(), 1u);
}

TEST(CollectData, ReadvStopsAtTheDataEndAndAtAnEmptyIovec) {
  FakeMemory mem;
  mem.put(0x2000, "ab");
  mem.put(0x3000, "cdefgh");
  mem.put(0x4000, "zz");
  iovec v[3] = {{reinterpret_cast<void*>(0x2000), 2}, {reinterpret_cast<void*>(0x3000), 20},
                {reinterpret_cast<void*>(0x4000), 2}};
  mem.put_obj(0x100, v);
  auto r = call("readv", {3, 0x100, 3}, 5);
  collect_data(r, mem, all_fds());
  ASSERT_EQ(r.data.size(), 2u);
  EXPECT_EQ(r.data[1].bytes, "cde");
  EXPECT_EQ(r.data[1].iov, 1);
  // strace 6.1 stops at the first iovec with nothing in it.
  v[1].iov_len = 0;
  mem.put_obj(0x100, v);
  auto w = call("writev", {3, 0x100, 3}, 4);
  collect_data(w, mem, all_fds());
  ASSERT_EQ(w.data.size(), 1u);
}

TEST(CollectData, RecvmsgIovecsAndACutCopy) {
  FakeMemory mem;
  mem.put(0x2000, "0123");  // 4 of the 8 bytes the call moved were copied
  iovec v = {reinterpret_cast<void*>(0x2000), 8};
  mem.put_obj(0x100, v);
  msghdr m{};
  m.msg_iov = reinterpret_cast<iovec*>(0x100);
  m.msg_iovlen = 1;
  mem.put_obj(0x200, m);
  auto r = call("recvmsg", {3, 0x200, 0}, 8);
  EXPECT_TRUE(collect_data(r, mem, all_fds()));  // cut: the caller counts it
  ASSERT_EQ(r.data.size(), 1u);
  EXPECT_EQ(r.data[0].len, 8u);
  EXPECT_EQ(r.data[0].bytes, "");  // FakeMemory serves nothing of a partial read
}

TEST(CollectData, SendmmsgHeadsEachMessage) {
  FakeMemory mem;
  mem.put(0x2000, "ab");
  mem.put(0x3000, "fgh");
  iovec a = {reinterpret_cast<void*>(0x2000), 2}, b = {reinterpret_cast<void*>(0x3000), 3};
  mem.put_obj(0x100, a);
  mem.put_obj(0x180, b);
  mmsghdr m[2] = {};
  m[0].msg_hdr.msg_iov = reinterpret_cast<iovec*>(0x100);
  m[0].msg_hdr.msg_iovlen = 1;
  m[1].msg_hdr.msg_iov = reinterpret_cast<iovec*>(0x180);
  m[1].msg_hdr.msg_iovlen = 1;
  mem.put_obj(0x400, m);
  auto s = call("sendmmsg", {3, 0x400, 2, 0}, 2);
  collect_data(s, mem, all_fds());
  ASSERT_EQ(s.data.size(), 2u);
  EXPECT_TRUE(s.data[1].vector_head);
  EXPECT_EQ(s.data[1].vector, 1);
  EXPECT_EQ(s.data[1].bytes, "fgh");
}

TEST(CollectData, UncopiedMessagesAreMarkedNotDropped) {
  FakeMemory mem;  // the call succeeded, but nothing of it was copied
  auto s = call("sendmmsg", {3, 0x400, 2, 0}, 2);
  EXPECT_TRUE(collect_data(s, mem, all_fds()));
  ASSERT_EQ(s.data.size(), 1u);
  EXPECT_TRUE(s.data[0].missing);
}

}  // namespace
}  // namespace sct
