#include "engine/ptrace/seccomp_filter.hpp"

#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include <gtest/gtest.h>

namespace sct {
namespace {

// Without a tracer, SECCOMP_RET_TRACE makes a syscall fail with ENOSYS: so a
// child that installs the filter can tell which calls it would stop on.
int run_in_child(const SyscallSet& traced) {
  pid_t pid = fork();
  if (pid == 0) {
    if (!install_seccomp_filter(build_seccomp_filter(traced)).empty()) _exit(10);
    errno = 0;
    long r1 = syscall(SYS_getppid);
    bool getppid_stopped = r1 == -1 && errno == ENOSYS;
    errno = 0;
    long r2 = syscall(SYS_getuid);
    bool getuid_stopped = r2 == -1 && errno == ENOSYS;
    _exit((getppid_stopped ? 1 : 0) | (getuid_stopped ? 2 : 0));
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(SeccompFilter, StopsOnlyTheTracedSyscalls) {
  SyscallSet only_getppid;
  only_getppid.set(SYS_getppid);
  EXPECT_EQ(run_in_child(only_getppid), 1);
  SyscallSet only_getuid;
  only_getuid.set(SYS_getuid);
  EXPECT_EQ(run_in_child(only_getuid), 2);
  SyscallSet both;
  both.set(SYS_getppid).set(SYS_getuid).set(SYS_getuid + 1);
  EXPECT_EQ(run_in_child(both), 3);
  EXPECT_EQ(run_in_child(SyscallSet()), 0);
}

TEST(SeccompFilter, RangesKeepTheProgramShort) {
  SyscallSet all;
  all.set();
  // One range: load arch, 2 checks, load nr, x32 check, one range, allow.
  EXPECT_LE(build_seccomp_filter(all).size(), 12u);
}

}  // namespace
}  // namespace sct
