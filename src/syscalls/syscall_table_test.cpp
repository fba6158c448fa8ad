// The syscall table against the kernel headers and against what strace 6.1
// does on x86_64. The class lists below were taken by running strace 6.1 with
// each -e trace=%class over a program that issues every syscall number once
// (its calls intercepted by a seccomp user-notification filter, so none runs).
#include "syscalls/syscall_table.hpp"
#include "syscalls/struct_ids.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "testing/spec_rows.hpp"

namespace sct {

// Argument types print by name in failure messages.
[[maybe_unused]] static void PrintTo(ArgT t, std::ostream* os) {
  static constexpr const char* kNames[] = {
      "Int",  "Uint", "Long",  "Ulong", "Hex",       "Ptr",     "Fd",    "DirFd",     "Path", "Str",
      "Mode", "Pid",  "Uid",   "Signo", "OpenFlags", "AtFlags", "BufIn", "BufOutRet", "Clockid",
      "Argv", "Envp", "IovIn", "IovOutRet", "EpollRet", "MsgIn", "MsgOutRet", "Set", "Addr", "AddrHex"};
  auto i = static_cast<size_t>(t);
  *os << (i < std::size(kNames) ? kNames[i] : "ArgT(?)");
}

namespace {

constexpr const char* kUnistd = "/usr/include/x86_64-linux-gnu/asm/unistd_64.h";

// name -> number for every "#define __NR_name number" in the kernel header.
std::map<std::string, long> kernel_syscalls() {
  std::map<std::string, long> out;
  std::ifstream in(kUnistd);
  for (std::string line; std::getline(in, line);) {
    std::istringstream ls(line);
    std::string define, macro;
    long nr = -1;
    if (!(ls >> define >> macro >> nr) || define != "#define") continue;
    if (macro.rfind("__NR_", 0) != 0) continue;
    out.emplace(macro.substr(5), nr);
  }
  return out;
}

std::set<std::string> words(std::string_view text) {
  std::set<std::string> out;
  std::istringstream in{std::string(text)};
  for (std::string w; in >> w;) out.insert(w);
  return out;
}

using testing_rows::row;
using testing_rows::rows;

std::set<std::string> names_with(uint32_t bit) {
  std::set<std::string> out;
  for (const SyscallInfo* s : rows())
    if (s->classes & bit) out.emplace(s->name);
  return out;
}

std::string diff(const std::set<std::string>& want, const std::set<std::string>& got) {
  std::string out;
  for (const auto& n : want)
    if (!got.count(n)) out += " missing:" + n;
  for (const auto& n : got)
    if (!want.count(n)) out += " extra:" + n;
  return out;
}

TEST(SyscallTable, HasExactlyTheKernelHeadersSyscalls) {
  auto kernel = kernel_syscalls();
  ASSERT_GT(kernel.size(), 300u) << "could not read " << kUnistd;
  EXPECT_EQ(rows().size(), kernel.size());
  for (const auto& [name, nr] : kernel) {
    const SyscallInfo* s = syscall_by_name(name);
    ASSERT_NE(s, nullptr) << "no row for __NR_" << name;
    EXPECT_EQ(s->nr, nr) << name;
  }
  for (const SyscallInfo* s : rows())
    EXPECT_TRUE(kernel.count(std::string(s->name))) << s->name << " is not in " << kUnistd;
}

TEST(SyscallTable, RowsAreInNumberOrderWithUniqueNames) {
  std::set<std::string_view> seen;
  long prev = -1;
  for (const SyscallInfo* s : rows()) {
    EXPECT_GT(s->nr, prev) << s->name;
    prev = s->nr;
    EXPECT_TRUE(seen.insert(s->name).second) << "duplicate " << s->name;
  }
}

TEST(SyscallTable, LookupsRoundTrip) {
  for (const SyscallInfo* s : rows()) {
    EXPECT_EQ(syscall_by_nr(s->nr), s) << s->name;
    EXPECT_EQ(syscall_by_name(s->name), s) << s->name;
  }
  EXPECT_EQ(syscall_by_nr(0)->name, "read");
  EXPECT_EQ(syscall_by_nr(231)->name, "exit_group");
  EXPECT_EQ(syscall_by_name("openat")->nr, 257);
  for (long nr : {-1L, 335L, 400L, 423L, 512L, 100000L, -100000L})
    EXPECT_EQ(syscall_by_nr(nr), nullptr) << nr;
  for (const char* name : {"", "no_such_call", "READ", "read ", "__NR_read", "sys_read"})
    EXPECT_EQ(syscall_by_name(name), nullptr) << '"' << name << '"';
}

// strace 6.1, x86_64: the members of every trace class.
TEST(SyscallTable, ClassMembershipIsStraces) {
  struct Class {
    uint32_t bit;
    const char* name;
    const char* members;
  };
  const Class classes[] = {
      {TD, "%desc",
       "read write open close fstat poll lseek mmap ioctl pread64 pwrite64 readv writev pipe "
       "select dup dup2 sendfile fcntl flock fsync fdatasync ftruncate getdents fchdir creat "
       "fchmod fchown fstatfs readahead fsetxattr fgetxattr flistxattr fremovexattr "
       "epoll_create getdents64 fadvise64 epoll_wait epoll_ctl mq_open mq_timedsend "
       "mq_timedreceive mq_notify mq_getsetattr inotify_init inotify_add_watch "
       "inotify_rm_watch openat mkdirat mknodat fchownat futimesat newfstatat unlinkat "
       "renameat linkat symlinkat readlinkat fchmodat faccessat pselect6 ppoll splice tee "
       "sync_file_range vmsplice utimensat epoll_pwait signalfd timerfd_create eventfd "
       "fallocate timerfd_settime timerfd_gettime signalfd4 eventfd2 epoll_create1 dup3 pipe2 "
       "inotify_init1 preadv pwritev perf_event_open fanotify_init fanotify_mark "
       "name_to_handle_at open_by_handle_at syncfs setns finit_module renameat2 memfd_create "
       "kexec_file_load bpf execveat userfaultfd copy_file_range preadv2 pwritev2 statx "
       "pidfd_send_signal io_uring_setup io_uring_enter io_uring_register open_tree "
       "move_mount fsopen fsconfig fsmount fspick pidfd_open openat2 pidfd_getfd faccessat2 "
       "process_madvise epoll_pwait2 mount_setattr quotactl_fd landlock_create_ruleset "
       "landlock_add_rule landlock_restrict_self memfd_secret process_mrelease"},
      {TF, "%file",
       "open stat lstat access execve truncate getcwd chdir rename mkdir rmdir creat link "
       "unlink symlink readlink chmod chown lchown utime mknod uselib statfs pivot_root chroot "
       "acct mount umount2 swapon swapoff quotactl setxattr lsetxattr getxattr lgetxattr "
       "listxattr llistxattr removexattr lremovexattr utimes inotify_add_watch openat mkdirat "
       "mknodat fchownat futimesat newfstatat unlinkat renameat linkat symlinkat readlinkat "
       "fchmodat faccessat utimensat fanotify_mark name_to_handle_at renameat2 execveat statx "
       "open_tree move_mount fsconfig fspick openat2 faccessat2 mount_setattr"},
      {TI, "%ipc",
       "shmget shmat shmctl semget semop semctl shmdt msgget msgsnd msgrcv msgctl semtimedop"},
      {TN, "%network",
       "sendfile socket connect accept sendto recvfrom sendmsg recvmsg shutdown bind listen "
       "getsockname getpeername socketpair setsockopt getsockopt getpmsg putpmsg accept4 "
       "recvmmsg sendmmsg"},
      {TP, "%process",
       "clone fork vfork execve exit wait4 kill rt_sigqueueinfo tkill exit_group tgkill waitid "
       "rt_tgsigqueueinfo execveat pidfd_send_signal clone3"},
      {TS, "%signal",
       "rt_sigaction rt_sigprocmask rt_sigreturn pause kill rt_sigpending rt_sigtimedwait "
       "rt_sigqueueinfo rt_sigsuspend sigaltstack tkill tgkill signalfd signalfd4 "
       "rt_tgsigqueueinfo pidfd_send_signal io_uring_enter"},
      {TM, "%memory",
       "mmap mprotect munmap brk mremap msync mincore madvise shmat shmdt mlock munlock "
       "mlockall munlockall io_setup io_destroy remap_file_pages mbind set_mempolicy "
       "get_mempolicy migrate_pages move_pages mlock2 pkey_mprotect io_uring_register "
       "set_mempolicy_home_node"},
      {TC, "%creds",
       "getuid getgid setuid setgid geteuid getegid setreuid setregid getgroups setgroups "
       "setresuid getresuid setresgid getresgid setfsuid setfsgid capget capset prctl"},
      {TCL, "%clock",
       "gettimeofday adjtimex settimeofday time clock_settime clock_gettime clock_getres "
       "clock_adjtime"},
      {TST, "%stat", "stat"},
      {TLST, "%lstat", "lstat"},
      {TFST, "%fstat", "fstat newfstatat statx"},
      {TSTA, "%%stat", "stat fstat lstat newfstatat statx"},
      {TSF, "%statfs", "statfs"},
      {TFSF, "%fstatfs", "fstatfs"},
      {TSFA, "%%statfs", "ustat statfs fstatfs"},
      {PU, "%pure", "getpid getuid getgid geteuid getegid getppid getpgrp gettid"},
      {NF, "never-fails",
       "getpid umask getuid getgid geteuid getegid getppid getpgrp setfsuid setfsgid "
       "personality gettid"},
  };
  for (const Class& c : classes) {
    EXPECT_EQ(diff(words(c.members), names_with(c.bit)), "") << c.name;
  }
}

// Argument names as strace prints the call: the kernel's, with a value the
// kernel takes in two halves named once.
TEST(SyscallTable, ArgumentNames) {
  EXPECT_EQ(arg_name(row("openat"), 0), "dfd");
  EXPECT_EQ(arg_name(row("openat"), 1), "filename");
  EXPECT_EQ(arg_name(row("openat"), 3), "mode");
  EXPECT_EQ(arg_name(row("openat"), 4), "");
  EXPECT_EQ(arg_name(row("preadv"), 3), "pos");
  EXPECT_EQ(arg_name(row("preadv2"), 3), "pos");
  EXPECT_EQ(arg_name(row("preadv2"), 4), "flags");
  EXPECT_EQ(arg_name(row("preadv2"), 5), "");
  // The names line up with what strace prints: every printed argument has one.
  std::vector<std::string> unnamed;
  for (const SyscallInfo* s = syscalls_begin(); s != syscalls_end(); ++s)
    if (s->kernel_nargs && s->nargs && arg_name(*s, s->nargs - 1).empty()) unnamed.emplace_back(s->name);
  EXPECT_EQ(unnamed, std::vector<std::string>{});
}

// The roles other layers ask instead of syscall numbers.
TEST(SyscallTable, Roles) {
  auto with = [](TraceClass r) {
    std::string out;
    for (const SyscallInfo* s = syscalls_begin(); s != syscalls_end(); ++s)
      if (s->classes & r) out += (out.empty() ? "" : " ") + std::string(s->name);
    return out;
  };
  EXPECT_EQ(with(RExec), "execve execveat");
  EXPECT_EQ(with(RTask), "clone fork vfork clone3");
  EXPECT_EQ(with(RClose), "close");
  EXPECT_EQ(with(RDup), "dup dup2 dup3");
  EXPECT_EQ(path_arg(row("execve")), 0);
  EXPECT_EQ(path_arg(row("execveat")), 1);
  EXPECT_FALSE(has_role(nullptr, RExec));
}

TEST(SyscallTable, ClassesOfSomeWellKnownCalls) {
  EXPECT_EQ(row("openat").classes, TD | TF);
  EXPECT_EQ(row("newfstatat").classes, TD | TF | TFST | TSTA);
  EXPECT_EQ(row("statx").classes, TD | TF | TFST | TSTA);
  EXPECT_EQ(row("stat").classes, TF | TST | TSTA);
  EXPECT_EQ(row("fstatfs").classes, TD | TFSF | TSFA);
  EXPECT_EQ(row("getpid").classes, PU | NF);
  EXPECT_EQ(row("getuid").classes, TC | PU | NF);
  EXPECT_EQ(row("umask").classes, NF);
  EXPECT_EQ(row("execve").classes, TF | TP | RExec);
  EXPECT_EQ(row("execveat").classes, TD | TF | TP | RExec);
  EXPECT_EQ(row("mmap").classes, TD | TM | RMaps);
  EXPECT_EQ(row("shmat").classes, TI | TM | RMaps);
  EXPECT_EQ(row("rt_sigreturn").classes, TS | RSetsRegs);
  EXPECT_EQ(row("pipe2").classes, TD | RFdPair);
  EXPECT_EQ(row("socketpair").classes, TN | RFdPair);
  EXPECT_EQ(row("kill").classes, TS | TP);
  EXPECT_EQ(row("pidfd_send_signal").classes, TD | TS | TP);
  EXPECT_EQ(row("sendfile").classes, TD | TN);
  EXPECT_EQ(row("prctl").classes, TC);
  EXPECT_EQ(row("clock_nanosleep").classes, 0u);
  EXPECT_EQ(row("nanosleep").classes, 0u);
  EXPECT_EQ(row("close_range").classes, 0u);
}

// Strace's argument counts on x86_64, including the ones that differ from
// the kernel prototypes (pread64, preadv2, ...).
TEST(SyscallTable, ArgumentCounts) {
  for (const SyscallInfo* s : rows()) EXPECT_LE(s->nargs, 6) << s->name;
  const std::map<std::string_view, int> counts = {
      {"read", 3},        {"open", 3},         {"openat", 4},          {"mmap", 6},
      {"rt_sigreturn", 0}, {"rt_sigaction", 4}, {"pread64", 4},        {"select", 5},
      {"mremap", 5},      {"clone", 5},        {"clone3", 2},          {"execve", 3},
      {"execveat", 5},    {"wait4", 4},        {"waitid", 5},          {"futex", 6},
      {"getpid", 0},      {"exit_group", 1},   {"prctl", 5},           {"ptrace", 4},
      {"reboot", 4},      {"mknod", 3},        {"mknodat", 4},         {"mq_open", 4},
      {"membarrier", 3},  {"preadv2", 5},      {"pwritev2", 5},        {"statx", 5},
      {"pselect6", 6},    {"ppoll", 5},        {"epoll_pwait2", 6},    {"io_uring_enter", 6},
      {"process_vm_readv", 6}, {"copy_file_range", 6}, {"rseq", 4},   {"futex_waitv", 5},
      {"keyctl", 5},      {"mount", 5},        {"setxattr", 5},        {"sched_getattr", 4},
      {"create_module", 2}, {"get_kernel_syms", 1}, {"query_module", 5}, {"vserver", 5},
      {"epoll_ctl_old", 4}, {"nfsservctl", 3}, {"afs_syscall", 5},     {"restart_syscall", 0},
  };
  for (const auto& [name, n] : counts) EXPECT_EQ(row(name).nargs, n) << name;
}

TEST(SyscallTable, CustomRowsHaveDecoders) {
  // Each row's decoder is checked in decode/dispatch_test.cpp. These must have hand-written decoders: the generic one cannot print them.
  for (const auto& name : words(
           "execve execveat mmap mprotect mremap madvise arch_prctl access faccessat faccessat2 "
           "open openat stat fstat lstat newfstatat statx getdents getdents64 getcwd unlinkat "
           "renameat2 read write pread64 pwrite64 readv writev lseek fcntl dup3 pipe pipe2 ioctl "
           "poll ppoll select pselect6 clone clone3 wait4 prlimit64 getrlimit setrlimit uname "
           "sysinfo getrandom futex rt_sigaction rt_sigprocmask rt_sigreturn socket connect bind "
           "accept accept4 sendto recvfrom getsockname getpeername setsockopt getsockopt "
           "nanosleep clock_nanosleep clock_gettime"))
    EXPECT_EQ(row(name).dec, Dec::Custom) << name;
  for (const auto& name : words("close dup dup2 getpid kill chdir mkdir unlink exit_group"))
    EXPECT_EQ(row(name).dec, Dec::Generic) << name;
}

TEST(SyscallTable, ReturnKinds) {
  std::set<std::string> none, oct, hex, fd;
  for (const SyscallInfo* s : rows()) {
    switch (s->ret) {
      case Ret::None: none.emplace(s->name); break;
      case Ret::Oct: oct.emplace(s->name); break;
      case Ret::Hex: hex.emplace(s->name); break;
      case Ret::Fd: fd.emplace(s->name); break;
      default: break;
    }
  }
  EXPECT_EQ(diff(words("exit exit_group"), none), "");
  EXPECT_EQ(diff(words("umask"), oct), "");
  EXPECT_EQ(diff(words("brk mmap mremap shmat personality"), hex), "");
  // strace 6.1 shows the fd's path under -y for exactly these results (fcntl's
  // is up to its decoder; open_by_handle_at's is printed as a plain number).
  auto want_fd = words(
      "open dup dup2 socket accept creat epoll_create mq_open inotify_init openat signalfd "
      "timerfd_create eventfd accept4 signalfd4 eventfd2 epoll_create1 dup3 inotify_init1 "
      "perf_event_open fanotify_init memfd_create userfaultfd io_uring_setup open_tree fsopen "
      "fsmount fspick pidfd_open openat2 pidfd_getfd mount_setattr landlock_create_ruleset "
      "memfd_secret");
  EXPECT_EQ(diff(want_fd, fd), "");
  EXPECT_EQ(row("getuid").ret, Ret::Int);
  EXPECT_EQ(row("fcntl").ret, Ret::Int);
  EXPECT_EQ(row("open_by_handle_at").ret, Ret::Int);
}

// -Y names the tasks strace 6.1 names (1234<comm>) and no process group or
// session; set_tid_address's result is a tid strace leaves plain.
TEST(SyscallTable, PidReturnsAndArguments) {
  std::set<std::string> pid, pgid;
  for (const SyscallInfo* s : rows()) {
    if (s->ret == Ret::Pid) pid.emplace(s->name);
    if (s->ret == Ret::Pgid) pgid.emplace(s->name);
  }
  EXPECT_EQ(diff(words("getpid getppid gettid fork vfork clone clone3 wait4"), pid), "");
  EXPECT_EQ(diff(words("getpgrp getpgid getsid"), pgid), "");
  EXPECT_EQ(row("set_tid_address").ret, Ret::Int);
  // strace 6.1 prints setsid's result plain: no pid namespace translation,
  // and an injected retval=-1 unsigned (18446744073709551615), as a number.
  EXPECT_EQ(row("setsid").ret, Ret::Int);
  EXPECT_EQ(row("kill").args[0], ArgT::Pid);
  EXPECT_EQ(row("tgkill").args[1], ArgT::Pid);
  EXPECT_EQ(row("setpgid").args[0], ArgT::Pid);
  EXPECT_EQ(row("setpgid").args[1], ArgT::Pgid);
}

TEST(SyscallTable, ArgumentTypes) {
  using A = ArgT;
  auto args_of = [](std::string_view name) {
    const SyscallInfo& s = row(name);
    return std::vector<A>(s.args.begin(), s.args.begin() + s.nargs);
  };
  EXPECT_EQ(args_of("close"), (std::vector<A>{A::Fd}));
  EXPECT_EQ(args_of("openat"), (std::vector<A>{A::DirFd, A::Path, A::OpenFlags, A::Mode}));
  EXPECT_EQ(args_of("read"), (std::vector<A>{A::Fd, A::BufOutRet, A::Ulong}));
  EXPECT_EQ(args_of("write"), (std::vector<A>{A::Fd, A::BufIn, A::Ulong}));
  EXPECT_EQ(args_of("kill"), (std::vector<A>{A::Pid, A::Signo}));
  EXPECT_EQ(args_of("tgkill"), (std::vector<A>{A::Pid, A::Pid, A::Signo}));
  EXPECT_EQ(args_of("renameat"), (std::vector<A>{A::DirFd, A::Path, A::DirFd, A::Path}));
  EXPECT_EQ(args_of("readlinkat"), (std::vector<A>{A::DirFd, A::Path, A::BufOutRet, A::Ulong}));
  EXPECT_EQ(args_of("fchownat"),
            (std::vector<A>{A::DirFd, A::Path, A::Uid, A::Uid, A::AtFlags}));
  EXPECT_EQ(args_of("umask"), (std::vector<A>{A::Mode}));
  EXPECT_EQ(args_of("munmap"), (std::vector<A>{A::Ptr, A::Ulong}));
  EXPECT_EQ(args_of("truncate"), (std::vector<A>{A::Path, A::Ulong}));  // strace: %lu
  EXPECT_EQ(args_of("clock_getres"), (std::vector<A>{A::Clockid, A::Struct}));
  EXPECT_EQ(row("clock_getres").structs[1], StructId::Timespec);
  EXPECT_EQ(row("clock_getres").dirs[1], Dir::Out);
  EXPECT_EQ(row("setitimer").structs[1], StructId::Itimerval);
  EXPECT_EQ(row("setitimer").dirs[1], Dir::In);
  EXPECT_EQ(row("setitimer").dirs[2], Dir::Out);
  EXPECT_EQ(row("setitimer").dirs[0], Dir::None);
  EXPECT_EQ(args_of("getxattr"), (std::vector<A>{A::Path, A::Str, A::BufOutRet, A::Ulong}));
  EXPECT_EQ(args_of("set_tid_address"), (std::vector<A>{A::AddrHex}));  // strace prints NULL as 0
  EXPECT_EQ(args_of("rseq"), (std::vector<A>{A::Hex, A::Hex, A::Hex, A::Hex}));  // undecoded

  for (const SyscallInfo* s : rows()) {
    int paths = 0;
    for (int i = 0; i < s->nargs; ++i) {
      // The generic decoder takes a BufIn's length from the next argument.
      if (s->args[i] == A::BufIn) {
        EXPECT_LT(i + 1, s->nargs) << s->name;
      }
      if (s->args[i] == A::Path) ++paths;
    }
    // Only %file calls take paths (mq_open/mq_unlink names print like paths).
    if (paths && !(s->classes & TF) && s->name != "mq_open" && s->name != "mq_unlink")
      ADD_FAILURE() << s->name << " has a Path argument but is not in %file";
  }
}

}  // namespace
}  // namespace sct
