// The kernel's prototypes in the table (x86_64_args.def): their agreement
// with the rows of x86_64.def, with the running kernel's syscall trace events,
// and the C-type facts the generic decoder takes from them.
#include <dirent.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "testing/spec_rows.hpp"

#include "syscalls/syscall_table.hpp"
#include "testing/decode_harness.hpp"

namespace sct {
namespace {

constexpr const char* kEvents = "/sys/kernel/tracing/events/syscalls";

using testing_rows::row;
using testing_rows::rows;

// "ctype name" for each argument, as the generator writes them.
std::string prototype(const SyscallInfo& s) {
  std::string out;
  for (int i = 0; i < s.kernel_nargs; ++i) {
    if (i) out += ", ";
    out += std::string(s.kargs[i].type.text) + " " + std::string(s.kargs[i].name);
  }
  return out;
}

// The same, from the kernel's trace event format file; nullopt when unreadable.
std::optional<std::string> event_prototype(std::string_view event) {
  std::ifstream in(std::string(kEvents) + "/sys_enter_" + std::string(event) + "/format");
  if (!in) return std::nullopt;
  static const std::regex field(R"(^\tfield:(.*?)\s*\b(\w+);)");
  std::string out;
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, field)) continue;
    std::string name = m[2];
    if (name.rfind("common_", 0) == 0 || name == "__syscall_nr") continue;
    std::string ctype = std::regex_replace(std::string(m[1]), std::regex(R"(\s+)"), " ");
    out += (out.empty() ? "" : ", ") + ctype + " " + name;
  }
  return out;
}

bool events_readable() {
  std::ifstream in(std::string(kEvents) + "/sys_enter_close/format");
  return static_cast<bool>(in);
}

// The rows where strace prints a different number of arguments than the
// kernel's prototype has, on purpose. Everything else must agree.
const std::map<std::string_view, std::string_view> kCountDifferences = {
    // The kernel takes the offset as two halves (pos_l, pos_h) so that 32-bit
    // callers can pass 64 bits; on x86_64 pos_l holds all of it and strace
    // prints it as one offset argument.
    {"preadv", "offset in pos_l and pos_h"},
    {"pwritev", "offset in pos_l and pos_h"},
    {"preadv2", "offset in pos_l and pos_h"},
    {"pwritev2", "offset in pos_l and pos_h"},
};

TEST(SyscallArgs, EveryRowHasTheKernelsArgumentCount) {
  int ni = 0;
  for (const SyscallInfo* s : rows()) {
    if (s->proto == Proto::None) {
      // sys_ni_syscall: no prototype; strace prints its nargs registers in hex.
      EXPECT_EQ(s->kernel_nargs, 0) << s->name;
      EXPECT_EQ(s->dec, Dec::Generic) << s->name;
      ++ni;
      continue;
    }
    if (kCountDifferences.count(s->name)) {
      EXPECT_NE(s->nargs, s->kernel_nargs) << s->name << " now agrees: drop it from the list";
      continue;
    }
    EXPECT_EQ(s->nargs, s->kernel_nargs)
        << s->name << ": strace prints " << int(s->nargs) << ", the kernel has ("
        << prototype(*s) << ")";
  }
  EXPECT_EQ(ni, 12) << "rows with no kernel implementation";
  EXPECT_EQ(row("preadv").kernel_nargs, 5);
  EXPECT_EQ(row("preadv").nargs, 4);
}

TEST(SyscallArgs, NamesOfSomeWellKnownCalls) {
  EXPECT_EQ(prototype(row("epoll_ctl")),
            "int epfd, int op, int fd, struct epoll_event * event");
  EXPECT_EQ(prototype(row("close")), "unsigned int fd");
  EXPECT_EQ(prototype(row("openat")),
            "int dfd, const char * filename, int flags, umode_t mode");
  EXPECT_EQ(row("stat").proto_source, "newstat");  // the kernel's function is sys_newstat
  EXPECT_EQ(row("umount2").proto_source, "umount");
  EXPECT_EQ(row("sendfile").proto_source, "sendfile64");
  EXPECT_EQ(row("getpid").kernel_nargs, 0);
  EXPECT_EQ(row("afs_syscall").proto, Proto::None);
  EXPECT_EQ(row("uselib").proto, Proto::Doc);
}

// Rebuild x86_64_args.def's content from the running kernel and compare:
// when this fails, run tools/gen_syscall_args.py and commit the result.
TEST(SyscallArgs, MatchTheKernelsTraceEvents) {
  if (!events_readable())
    GTEST_SKIP() << "cannot read " << kEvents << " (needs root and tracefs): not checked";
  for (const SyscallInfo* s : rows()) {
    if (s->proto == Proto::Event) {
      auto kernel = event_prototype(s->proto_source);
      if (!kernel) {
        ADD_FAILURE() << s->name << ": this kernel has no event sys_enter_" << s->proto_source
                      << "; regenerate with tools/gen_syscall_args.py";
        continue;
      }
      EXPECT_EQ(prototype(*s), *kernel) << s->name << ": regenerate with tools/gen_syscall_args.py";
    } else {
      EXPECT_FALSE(event_prototype(s->name))
          << s->name << ": the kernel now publishes its prototype; regenerate with "
          << "tools/gen_syscall_args.py and drop it from tools/syscall_args_extra.txt";
    }
  }
}

TEST(SyscallArgs, EveryCTypeIsClassified) {
  for (const SyscallInfo* s : rows())
    for (int i = 0; i < s->kernel_nargs; ++i)
      EXPECT_TRUE(s->kargs[i].type.known)
          << s->name << ": " << s->kargs[i].type.text << " is not in ctype.hpp";
}

TEST(SyscallArgs, CTypeFacts) {
  auto t = [](std::string_view text) { return classify_ctype(text); };
  EXPECT_EQ(t("int").bits, 32);
  EXPECT_TRUE(t("int").is_signed);
  EXPECT_TRUE(t("pid_t").is_signed);
  EXPECT_EQ(t("uid_t").bits, 32);
  EXPECT_FALSE(t("uid_t").is_signed);
  EXPECT_EQ(t("umode_t").bits, 16);
  EXPECT_EQ(t("const int").bits, 32);
  EXPECT_EQ(t("const enum landlock_rule_type").bits, 32);
  for (auto w : {"long", "unsigned long", "size_t", "off_t", "loff_t", "aio_context_t"}) {
    EXPECT_EQ(t(w).bits, 64) << w;
    EXPECT_FALSE(t(w).is_pointer()) << w;
  }
  EXPECT_TRUE(t("long").is_signed);
  EXPECT_FALSE(t("size_t").is_signed);
  EXPECT_EQ(t("const char *").pointee, Pointee::String);
  EXPECT_EQ(t("char *").pointee, Pointee::CharBuf);
  EXPECT_EQ(t("void *").pointee, Pointee::Void);
  EXPECT_EQ(t("const void *const").pointee, Pointee::Void);
  EXPECT_EQ(t("struct epoll_event *").pointee, Pointee::Struct);
  EXPECT_EQ(t("struct epoll_event *").struct_name, "epoll_event");
  EXPECT_EQ(t("const struct iovec *").struct_name, "iovec");
  EXPECT_EQ(t("union bpf_attr *").struct_name, "bpf_attr");
  EXPECT_EQ(t("sigset_t *").pointee, Pointee::Struct);
  EXPECT_EQ(t("cap_user_header_t").pointee, Pointee::Struct);
  EXPECT_EQ(t("int *").pointee, Pointee::Scalar);
  EXPECT_EQ(t("const char *const *").pointee, Pointee::Pointer);
  EXPECT_EQ(t("struct robust_list_head * *").pointee, Pointee::Pointer);
  EXPECT_EQ(t("struct epoll_event *").bits, 64);
  EXPECT_FALSE(t("struct epoll_event *").is_signed);
  EXPECT_FALSE(t("float").known);
  EXPECT_FALSE(t("struct foo").known);
}

// The generic decoder reads an argument as the kernel does: only the low
// bits of its C type (strace prints the same).
TEST(SyscallArgs, GenericDecoderReadsTheKernelsWidth) {
  testing::FakeMemory m;
  // The line without the padding before " = ".
  auto trace_line = [](std::string_view name, std::array<uint64_t, 6> args, int64_t ret,
                       Memory& mem) {
    return std::regex_replace(testing::trace_line(name, args, ret, mem), std::regex(R"(\) +=)"),
                              ") =");
  };
  const uint64_t hi = 0xffffffff00000000;
  EXPECT_EQ(trace_line("close", {hi | 5}, -9, m), "close(5) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(trace_line("close", {0x5a5a5a5a00000000 | 0xffffffff}, -9, m),
            "close(-1) = -1 EBADF (Bad file descriptor)");
  uint64_t p = m.put_str(0x1000, "/x");
  // umode_t is 16 bits.
  EXPECT_EQ(trace_line("chmod", {p, 0xabcd0000 | 0644}, 0, m), "chmod(\"/x\", 0644) = 0");
  EXPECT_EQ(trace_line("mkdir", {p, hi | 0755}, 0, m), "mkdir(\"/x\", 0755) = 0");
  // int op: the kernel reads the low 32 bits, and so does strace.
  EXPECT_EQ(trace_line("epoll_ctl", {hi | 0xffffffff, hi | 1, hi | 0xffffffff, 0}, -14, m),
            "epoll_ctl(-1, EPOLL_CTL_ADD, -1, NULL) = -1 EFAULT (Bad address)");
  // unsigned long flags: all 64 bits.
  EXPECT_EQ(trace_line("unshare", {0x5a5a5a5a80000000}, -22, m),
            "unshare(0x5a5a5a5a80000000 /* CLONE_??? */) = -1 EINVAL (Invalid argument)");
  // int bufsiz printed with %lu: strace prints the whole register.
  EXPECT_EQ(trace_line("readlink", {p, 0, hi | 10}, -2, m),
            "readlink(\"/x\", NULL, 18446744069414584330) = -1 ENOENT (No such file or directory)");
}

}  // namespace
}  // namespace sct
