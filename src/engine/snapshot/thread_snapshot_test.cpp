#include "engine/snapshot/thread_snapshot.hpp"

#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <thread>

#include <gtest/gtest.h>

#include "engine/snapshot/descriptors.hpp"
#include "engine/snapshot/symbolizer.hpp"
#include "syscalls/syscall_table.hpp"

namespace sct {
namespace {

TEST(ThreadSnapshot, AThreadBlockedInRead) {
  int p[2];
  ASSERT_EQ(pipe(p), 0);
  std::atomic<pid_t> reader{0};
  std::thread t([&] {
    reader = static_cast<pid_t>(gettid());
    char c;
    (void)!read(p[0], &c, 1);
  });
  while (!reader) usleep(1000);
  const SyscallInfo* read_row = syscall_by_name("read");
  ProcessSnapshot snap;
  SnapshotError err;
  const ThreadSnapshot* found = nullptr;
  for (int tries = 0; tries < 1000 && !found; ++tries) {
    ASSERT_TRUE(read_process(getpid(), snap, err)) << err.path;
    for (const ThreadSnapshot& ts : snap.threads)
      if (ts.tid == reader && ts.where == ThreadSnapshot::Where::InCall && ts.nr == read_row->nr) found = &ts;
    if (!found) usleep(1000);
  }
  ASSERT_TRUE(found);
  EXPECT_EQ(found->state, 'S');
  EXPECT_EQ(static_cast<int>(found->args[0]), p[0]);
  EXPECT_TRUE(found->off_cpu_ns.has_value());
  EXPECT_EQ(found->tracer_pid, 0);
  // This thread runs while it reads itself: not off CPU.
  for (const ThreadSnapshot& ts : snap.threads) {
    if (ts.tid != gettid()) continue;
    EXPECT_EQ(ts.state, 'R');
    EXPECT_EQ(ts.off_cpu_ns, 0);
  }
  // The pc is in libc's read.
  EXPECT_NE(Symbolizer(getpid()).describe(found->pc).find("libc.so.6"), std::string::npos);

  auto rd = read_descriptor(getpid(), p[0]);
  ASSERT_TRUE(rd);
  EXPECT_EQ(rd->kind, Descriptor::Kind::Pipe);
  EXPECT_NE(rd->inode, 0u);
  EXPECT_EQ(descriptor_flags(getpid(), p[1]) & 3, 1);  // O_WRONLY
  EXPECT_EQ(write(p[1], "x", 1), 1);
  t.join();
  close(p[0]);
  close(p[1]);
}

TEST(ThreadSnapshot, NoSuchProcess) {
  ProcessSnapshot snap;
  SnapshotError err;
  EXPECT_FALSE(read_process(INT_MAX, snap, err));
  EXPECT_EQ(err.err, ENOENT);
}

TEST(ThreadSnapshot, ASymbolOfLibc) {
  std::string s = Symbolizer(getpid()).describe(reinterpret_cast<uint64_t>(&getppid) + 1);
  EXPECT_NE(s.find("getppid+0x1"), std::string::npos) << s;
  EXPECT_NE(s.find("(libc.so.6)"), std::string::npos) << s;
}

}  // namespace
}  // namespace sct
