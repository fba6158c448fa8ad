#include <fcntl.h>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

TEST(Fcntl, GettersNameTheFlagsTheyReturn) {
  FakeMemory m;
  EXPECT_EQ(trace_line("fcntl", {3, F_GETFD}, 1, m), "fcntl(3, F_GETFD)                       = 0x1 (flags FD_CLOEXEC)");
  EXPECT_EQ(trace_line("fcntl", {1, F_GETFL}, 0x8001, m),
            "fcntl(1, F_GETFL)                       = 0x8001 (flags O_WRONLY|O_LARGEFILE)");
}

TEST(Fcntl, Setters) {
  FakeMemory m;
  EXPECT_EQ(trace_line("fcntl", {1, F_SETFD, FD_CLOEXEC}, 0, m), "fcntl(1, F_SETFD, FD_CLOEXEC)           = 0");
  EXPECT_EQ(trace_line("fcntl", {1, F_DUPFD_CLOEXEC, 10}, 11, m), "fcntl(1, F_DUPFD_CLOEXEC, 10)           = 11");
  EXPECT_EQ(trace_line("fcntl", {1, F_SETFL, O_RDWR | O_NONBLOCK}, 0, m),
            "fcntl(1, F_SETFL, O_RDWR|O_NONBLOCK)    = 0");
}

// -y: the copy F_DUPFD_CLOEXEC returns shows its path, as strace shows du's
// and find's directory copies; a failed call shows its error.
TEST(Fcntl, DupShowsTheNewDescriptorsPath) {
  struct DirMemory : FakeMemory {
    std::string fd_path(pid_t, int64_t fd) override { return fd == 3 || fd == 4 ? "/usr/share/doc" : ""; }
  } m;
  DecodeOptions o;
  o.decode_fds = 1;
  EXPECT_EQ(trace_line("fcntl", {3, F_DUPFD_CLOEXEC, 3}, 4, m, o),
            "fcntl(3</usr/share/doc>, F_DUPFD_CLOEXEC, 3) = 4</usr/share/doc>");
  EXPECT_EQ(trace_line("fcntl", {3, F_DUPFD, 3}, -24, m, o),
            "fcntl(3</usr/share/doc>, F_DUPFD, 3)    = -1 EMFILE (Too many open files)");
}

TEST(Pipe2, FdsAtExit) {
  FakeMemory m;
  int fds[2] = {3, 4};
  m.put_obj(0x1000, fds);
  EXPECT_EQ(trace_line("pipe2", {0x1000, O_CLOEXEC}, 0, m), "pipe2([3, 4], O_CLOEXEC)                = 0");
  EXPECT_EQ(trace_line("pipe2", {0x1000, 0}, -24, m), "pipe2(0x1000, 0)                        = -1 EMFILE (Too many open files)");
}

}  // namespace
}  // namespace sct::testing
