#include "syscalls/syscall_table.hpp"

#include <fstream>
#include <map>
#include <regex>
#include <string>

#include <gtest/gtest.h>

namespace sct {
namespace {

TEST(SyscallTable, HasARowForEveryKernelSyscall) {
  std::ifstream in("/usr/include/x86_64-linux-gnu/asm/unistd_64.h");
  ASSERT_TRUE(in) << "the kernel headers are needed for this test";
  std::regex def(R"(#define __NR_(\w+) (\d+))");
  std::map<int, std::string> kernel;
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, def)) kernel[std::stoi(m[2])] = m[1];
  }
  ASSERT_GT(kernel.size(), 300u);
  size_t rows = static_cast<size_t>(syscalls_end() - syscalls_begin());
  EXPECT_EQ(rows, kernel.size());
  for (const auto& [nr, name] : kernel) {
    const SyscallInfo* s = syscall_by_nr(nr);
    ASSERT_NE(s, nullptr) << name;
    EXPECT_EQ(s->name, name);
    EXPECT_EQ(syscall_by_name(name), s);
  }
  EXPECT_EQ(syscall_by_nr(0x1c8), nullptr);
  EXPECT_EQ(syscall_by_name("no_such_call"), nullptr);
}

TEST(SyscallTable, ClassesAsStraceHasThem) {
  EXPECT_EQ(syscall_by_name("openat")->classes, TD | TF);
  EXPECT_EQ(syscall_by_name("newfstatat")->classes, TD | TF | TFST | TSTA);
  EXPECT_EQ(syscall_by_name("stat")->classes, TF | TST | TSTA);
  EXPECT_EQ(syscall_by_name("lstat")->classes, TF | TLST | TSTA);
  EXPECT_EQ(syscall_by_name("statfs")->classes, TF | TSF | TSFA);
  EXPECT_EQ(syscall_by_name("getuid")->classes, TC | PU | NF);
  EXPECT_EQ(syscall_by_name("getpid")->classes, PU | NF);
  EXPECT_EQ(syscall_by_name("clock_gettime")->classes, TCL);
  EXPECT_EQ(syscall_by_name("kill")->classes, TS | TP);
  EXPECT_EQ(syscall_by_name("execve")->classes, TF | TP);
  EXPECT_EQ(syscall_by_name("mmap")->classes, TD | TM);
  EXPECT_EQ(syscall_by_name("sendto")->classes, TN);
  EXPECT_EQ(syscall_by_name("shmat")->classes, TI | TM);
}

TEST(SyscallTable, EveryCustomRowHasADecoderAndArgumentsFit) {
  for (const SyscallInfo* s = syscalls_begin(); s != syscalls_end(); ++s) {
    EXPECT_LE(s->nargs, 6) << s->name;
    EXPECT_EQ(s->dec == Dec::Custom, s->custom != nullptr) << s->name;
  }
}

}  // namespace
}  // namespace sct
