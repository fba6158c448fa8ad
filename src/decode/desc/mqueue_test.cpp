#include <fcntl.h>
#include <gtest/gtest.h>
#include <mqueue.h>

#include "testing/decode_harness.hpp"

namespace sct {
namespace {

using testing::FakeMemory;
using testing::trace_line;

TEST(MqOpen, AttributesOnlyWithOCreat) {
  FakeMemory m;
  m.put_str(0x1000, "q");
  mq_attr a{};
  a.mq_maxmsg = 4;
  a.mq_msgsize = 16;
  m.put_obj(0x2000, a);
  EXPECT_EQ(trace_line("mq_open", {0x1000, O_RDWR | O_CREAT, 0600, 0x2000}, 3, m),
            "mq_open(\"q\", O_RDWR|O_CREAT, 0600, {mq_flags=0, mq_maxmsg=4, mq_msgsize=16, mq_curmsgs=0}) = 3");
  EXPECT_EQ(trace_line("mq_open", {0x1000, O_RDWR, 0600, 0x2000}, -2, m),
            "mq_open(\"q\", O_RDWR)                    = -1 ENOENT (No such file or directory)");
  EXPECT_EQ(trace_line("mq_open", {0x1000, O_CREAT, 0600, 0x1}, -14, m),
            "mq_open(\"q\", O_RDONLY|O_CREAT, 0600, 0x1) = -1 EFAULT (Bad address)");
}

TEST(Openat2, ModeOnlyWithOCreatAndShortSizes) {
  FakeMemory m;
  m.put_str(0x1000, "/x");
  struct {
    uint64_t flags, mode, resolve;
  } how{O_WRONLY | O_CREAT, 0644, 0x108};
  m.put_obj(0x2000, how);
  EXPECT_EQ(trace_line("openat2", {static_cast<uint64_t>(AT_FDCWD), 0x1000, 0x2000, 24}, -2, m),
            "openat2(AT_FDCWD, \"/x\", {flags=O_WRONLY|O_CREAT, mode=0644, resolve=RESOLVE_BENEATH|0x100}, 24) = "
            "-1 ENOENT (No such file or directory)");
  how = {O_RDONLY, 0, 0};
  m.put_obj(0x2000, how);
  EXPECT_EQ(trace_line("openat2", {static_cast<uint64_t>(AT_FDCWD), 0x1000, 0x2000, 24}, 3, m),
            "openat2(AT_FDCWD, \"/x\", {flags=O_RDONLY, resolve=0}, 24) = 3");
  EXPECT_EQ(trace_line("openat2", {static_cast<uint64_t>(AT_FDCWD), 0x1000, 0x2000, 8}, -22, m),
            "openat2(AT_FDCWD, \"/x\", 0x2000, 8)      = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line("openat2", {static_cast<uint64_t>(AT_FDCWD), 0x1000, 0x9000, 24}, -14, m),
            "openat2(AT_FDCWD, \"/x\", 0x9000, 24)     = -1 EFAULT (Bad address)");
}

}  // namespace
}  // namespace sct
