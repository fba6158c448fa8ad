#include "engine/capture/capture_plan.hpp"

#include <gtest/gtest.h>

namespace sct {
namespace {

sct_plan plan(const char* name) { return capture_plan(*syscall_by_name(name)); }

TEST(CapturePlan, PathsAreCopiedAtEntry) {
  sct_plan p = plan("openat");
  EXPECT_EQ(p.entry[1], SCT_CAP_STR);
  EXPECT_EQ(p.exit[1], SCT_CAP_NONE);
  EXPECT_EQ(p.entry[0], SCT_CAP_NONE);  // the dirfd is a number
}

TEST(CapturePlan, ReadBufferIsCopiedAtExitWriteBufferAtEntry) {
  EXPECT_EQ(plan("read").exit[1], SCT_CAP_BUF_RET);
  EXPECT_EQ(plan("read").entry[1], SCT_CAP_NONE);
  EXPECT_EQ(plan("write").entry[1], SCT_CAP_BUF_IN);
  EXPECT_EQ(plan("write").exit[1], SCT_CAP_NONE);
}

// Memory calls take addresses; a hand-written one that reads data behind a
// typed pointer (mincore's vector, mbind's node mask) gets it copied.
TEST(CapturePlan, MemoryCallsCopyOnlyTypedPointers) {
  EXPECT_EQ(plan("mincore").exit[2], SCT_CAP_WINDOW);
  EXPECT_EQ(plan("mincore").exit[0], SCT_CAP_NONE);  // unsigned long start
  EXPECT_EQ(plan("mbind").entry[3], SCT_CAP_WINDOW);
  EXPECT_EQ(plan("get_mempolicy").exit[0], SCT_CAP_WINDOW);
  EXPECT_EQ(plan("get_mempolicy").exit[3], SCT_CAP_NONE);  // unsigned long addr
  EXPECT_EQ(plan("mmap").entry[0], SCT_CAP_NONE);  // void *
  EXPECT_EQ(plan("munmap").entry[0], SCT_CAP_NONE);
}

TEST(CapturePlan, IovecsCarryTheirData) {
  EXPECT_EQ(plan("writev").entry[1], SCT_CAP_IOV_IN);
  EXPECT_EQ(plan("writev").exit[1], SCT_CAP_NONE);
  EXPECT_EQ(plan("readv").exit[1], SCT_CAP_IOV_RET);
  // The array alone at entry: a failed read prints its iovecs' addresses.
  EXPECT_EQ(plan("readv").entry[1], SCT_CAP_WINDOW);
  EXPECT_TRUE(plan("readv").defer);
  EXPECT_TRUE(plan("writev").defer);
  // vmsplice may fill the iovecs it reads: they are copied at entry.
  EXPECT_EQ(plan("vmsplice").entry[1], SCT_CAP_IOV_IN);
  EXPECT_FALSE(plan("vmsplice").defer);
  EXPECT_EQ(plan("process_vm_readv").exit[1], SCT_CAP_IOV_RET);
  EXPECT_EQ(plan("process_vm_readv").entry[3], SCT_CAP_WINDOW);
  EXPECT_EQ(plan("pwritev").entry[1], SCT_CAP_IOV_IN);
  EXPECT_EQ(plan("preadv").exit[1], SCT_CAP_IOV_RET);
}

TEST(CapturePlan, EpollEventsAreCopiedAtExitUpToTheReturnValue) {
  for (const char* name : {"epoll_wait", "epoll_pwait"}) {
    EXPECT_EQ(plan(name).exit[1], SCT_CAP_EPOLL_RET) << name;
    EXPECT_EQ(plan(name).entry[1], SCT_CAP_NONE) << name;
  }
  EXPECT_EQ(plan("epoll_ctl").entry[3], SCT_CAP_WINDOW);
}

// The buffer at exit, counted whole in the kernel; nothing at entry, so a
// lone thread's call is sent in one record.
TEST(CapturePlan, DirectoryEntriesAreCopiedAtExitAndCounted) {
  for (const char* name : {"getdents", "getdents64"}) {
    EXPECT_EQ(plan(name).exit[1], SCT_CAP_DIRENTS_RET) << name;
    EXPECT_EQ(plan(name).entry[1], SCT_CAP_NONE) << name;
    EXPECT_TRUE(plan(name).defer) << name;
  }
}

TEST(CapturePlan, MessagesCarryWhatTheirHeaderPointsAt) {
  EXPECT_EQ(plan("sendmsg").entry[1], SCT_CAP_MSG_IN);
  EXPECT_EQ(plan("sendmsg").exit[1], SCT_CAP_NONE);
  EXPECT_TRUE(plan("sendmsg").defer);
  EXPECT_EQ(plan("recvmsg").entry[1], SCT_CAP_WINDOW);  // msg_namelen before the call
  EXPECT_EQ(plan("recvmsg").exit[1], SCT_CAP_MSG_RET);
}

TEST(CapturePlan, StructsOfCustomDecodersAreCopiedBothWays) {
  sct_plan p = plan("fstat");
  EXPECT_EQ(p.entry[1], SCT_CAP_WINDOW);
  EXPECT_EQ(p.exit[1], SCT_CAP_WINDOW);
}

TEST(CapturePlan, DescribedStructsAreCopiedByDirectionAndSize) {
  sct_plan p = plan("setitimer");
  EXPECT_EQ(p.entry[1], SCT_CAP_SIZED);  // the new value, read by the call
  EXPECT_EQ(p.exit[1], SCT_CAP_NONE);
  EXPECT_EQ(p.size[1], 32);  // struct __kernel_old_itimerval
  EXPECT_EQ(p.entry[2], SCT_CAP_NONE);
  EXPECT_EQ(p.exit[2], SCT_CAP_SIZED);  // the old value, written by the call
  EXPECT_EQ(p.size[2], 32);
  EXPECT_EQ(p.exit_n, 3);
  // Input structs read the same at exit: a lone thread's call can be sent whole.
  EXPECT_TRUE(plan("settimeofday").defer);
  EXPECT_EQ(plan("sched_getparam").size[1], 4);
}

// utimes' and utimensat's two times are one copy of both; move_pages' arrays are counted by
// nr_pages, its status copied at exit.
TEST(CapturePlan, FixedAndCountedArrays) {
  EXPECT_EQ(plan("utimes").entry[1], SCT_CAP_SIZED);
  EXPECT_EQ(plan("utimes").size[1], 32);
  EXPECT_EQ(plan("utimensat").entry[2], SCT_CAP_SIZED);
  EXPECT_EQ(plan("utimensat").size[2], 32);
  EXPECT_EQ(plan("move_pages").entry[2], SCT_CAP_ARRAY);
  EXPECT_EQ(plan("move_pages").count[2], 1);
  EXPECT_EQ(plan("move_pages").exit[4], SCT_CAP_ARRAY);
  EXPECT_EQ(plan("move_pages").size[4], 4);
}

TEST(CapturePlan, AddressesAreNotDereferenced) {
  EXPECT_EQ(plan("mmap").entry[0], SCT_CAP_NONE);  // a memory call's address
  EXPECT_EQ(plan("munmap").entry[0], SCT_CAP_NONE);  // a generic decoder's pointer
}

TEST(CapturePlan, ExecCopiesArgvAndCountsEnvp) {
  sct_plan p = plan("execve");
  EXPECT_EQ(p.entry[0], SCT_CAP_STR);
  EXPECT_EQ(p.entry[1], SCT_CAP_ARGV);
  EXPECT_EQ(p.entry[2], SCT_CAP_ENVP);
}

TEST(CapturePlan, SignalReturnCopiesTheFrameAndDescriptorsTheirPath) {
  EXPECT_TRUE(plan("rt_sigreturn").stack);
  EXPECT_FALSE(plan("getpid").stack);
  EXPECT_TRUE(plan("openat").ret_fd);
  EXPECT_TRUE(plan("openat").cwd);
  EXPECT_FALSE(plan("read").ret_fd);
}

TEST(CapturePlan, CountsTheArgumentsToVisit) {
  EXPECT_EQ(plan("read").entry_n, 0);
  EXPECT_EQ(plan("read").exit_n, 2);
  EXPECT_EQ(plan("openat").entry_n, 2);
}

TEST(CapturePlan, OnlyCallsWhoseInputsLastAreSentWhole) {
  for (const char* name : {"read", "write", "openat", "getpid"}) EXPECT_TRUE(plan(name).defer) << name;
  // In-out structs, argv after exec, the signal frame, new tasks, no return.
  for (const char* name : {"select", "connect", "execve", "rt_sigreturn", "clone", "exit_group"})
    EXPECT_FALSE(plan(name).defer) << name;
}

TEST(CapturePlan, NumbersCopyNothing) {
  sct_plan p = plan("getppid");
  EXPECT_EQ(p.entry_n + p.exit_n, 0);
  for (int i = 0; i < 6; ++i) EXPECT_EQ(p.entry[i] | p.exit[i], SCT_CAP_NONE);
}

}  // namespace
}  // namespace sct
