#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

TEST(Clone, ForkLikeClone) {
  FakeMemory m;
  EXPECT_EQ(trace_line("clone", {CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | SIGCHLD, 0, 0, 0x7f0000000a10, 0}, 1234, m),
            "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
            "child_tidptr=0x7f0000000a10) = 1234");
}

TEST(Clone3, ParentTidAfterTheCall) {
  FakeMemory m;
  uint64_t args[11] = {CLONE_VM | CLONE_THREAD | CLONE_PARENT_SETTID, 0, 0, 0x2000, 0, 0x7f00, 0x8000, 0, 0, 0, 0};
  m.put_obj(0x1000, args);
  int tid = 5305;
  m.put_obj(0x2000, tid);
  EXPECT_EQ(trace_line("clone3", {0x1000, 88}, 5305, m),
            "clone3({flags=CLONE_VM|CLONE_THREAD|CLONE_PARENT_SETTID, parent_tid=0x2000, exit_signal=0, "
            "stack=0x7f00, stack_size=0x8000} => {parent_tid=[5305]}, 88) = 5305");
}

TEST(Wait4, Statuses) {
  FakeMemory m;
  int exited = 7 << 8;
  m.put_obj(0x1000, exited);
  EXPECT_EQ(trace_line("wait4", {uint64_t(-1), 0x1000, 0, 0}, 42, m),
            "wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 7}], 0, NULL) = 42");
  int killed = SIGKILL;
  m.put_obj(0x2000, killed);
  EXPECT_EQ(trace_line("wait4", {42, 0x2000, 0, 0}, 42, m),
            "wait4(42, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], 0, NULL) = 42");
  EXPECT_EQ(trace_line("wait4", {uint64_t(-1), 0x3000, WNOHANG, 0}, -10, m),
            "wait4(-1, 0x3000, WNOHANG, NULL)        = -1 ECHILD (No child processes)");
}

TEST(Execve, ArgvAndEnvironmentCount) {
  FakeMemory m;
  uint64_t path = m.put_str(0x100, "/bin/ls");
  uint64_t a0 = m.put_str(0x200, "ls");
  uint64_t a1 = m.put_str(0x300, "-l");
  uint64_t argv[3] = {a0, a1, 0};
  m.put_obj(0x1000, argv);
  uint64_t envp[3] = {a0, a1, 0};
  m.put_obj(0x2000, envp);
  EXPECT_EQ(trace_line("execve", {path, 0x1000, 0x2000}, 0, m),
            R"(execve("/bin/ls", ["ls", "-l"], 0x2000 /* 2 vars */) = 0)");
  DecodeOptions v;
  v.verbose = true;
  EXPECT_EQ(trace_line("execve", {path, 0x1000, 0x2000}, 0, m, v),
            R"(execve("/bin/ls", ["ls", "-l"], ["ls", "-l"]) = 0)");
}

}  // namespace
}  // namespace sct::testing
