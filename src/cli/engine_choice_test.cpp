#include "cli/engine_choice.hpp"

#include <gtest/gtest.h>

namespace sct {
namespace {

Capabilities usable(const char* name) {
  Capabilities c;
  c.engine = name;
  c.available = true;
  c.attach = true;
  return c;
}

Capabilities missing(const char* name, const char* why) {
  Capabilities c;
  c.engine = name;
  c.why_not = why;
  return c;
}

Options with(Options::Backend b) {
  Options o;
  o.backend = b;
  o.command = {"true"};
  return o;
}

TEST(EngineChoice, AskedForEngineIsUsedWhenItCan) {
  auto r = choose_engine(with(Options::Backend::Ebpf), usable("ptrace"), usable("ebpf"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().kind, EngineKind::Ebpf);
  r = choose_engine(with(Options::Backend::Ptrace), usable("ptrace"), usable("ebpf"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().kind, EngineKind::Ptrace);
}

TEST(EngineChoice, AskedForEngineThatCannotRunIsOneLine) {
  auto r = choose_engine(with(Options::Backend::Ebpf), usable("ptrace"),
                         missing("ebpf", "--backend=ebpf: this kernel has no BTF (/sys/kernel/btf/vmlinux)"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "--backend=ebpf: this kernel has no BTF (/sys/kernel/btf/vmlinux)");
}

TEST(EngineChoice, AutoFallsBackToPtraceAndSaysWhy) {
  auto r = choose_engine(with(Options::Backend::Auto), usable("ptrace"), missing("ebpf", "no root"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().kind, EngineKind::Ptrace);
  EXPECT_EQ(r.value().why_not_ebpf, "no root");
  r = choose_engine(with(Options::Backend::Auto), usable("ptrace"), usable("ebpf"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().kind, EngineKind::Ebpf);
}

TEST(EngineChoice, AnOptionTheEngineCannotHonourIsRefused) {
  Options o = with(Options::Backend::Ebpf);
  o.attach = {1234};
  Capabilities no_attach = usable("ebpf");
  no_attach.attach = false;
  auto r = choose_engine(o, usable("ptrace"), no_attach);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "--backend=ebpf: cannot attach to a running process (-p)");
  o.backend = Options::Backend::Auto;
  r = choose_engine(o, usable("ptrace"), no_attach);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().kind, EngineKind::Ptrace);
}

TEST(EngineChoice, ProcessControlNeedsAnEngineThatHoldsItsTracees) {
  Capabilities ptrace = usable("ptrace");
  ptrace.daemonize = ptrace.detach_on_exec = ptrace.kill_on_exit = ptrace.syscall_limit = true;
  const std::pair<void (*)(Options&), const char*> cases[] = {
      {[](Options& o) { o.daemonize = 1; }, "(-D/--daemonize)"},
      {[](Options& o) { o.detach_on_execve = true; }, "(-b execve)"},
      {[](Options& o) { o.kill_on_exit = true; }, "(--kill-on-exit)"},
      {[](Options& o) { o.syscall_limit = 10; }, "(--syscall-limit)"},
  };
  for (const auto& [set, option] : cases) {
    Options o = with(Options::Backend::Ebpf);
    set(o);
    auto r = choose_engine(o, ptrace, usable("ebpf"));
    ASSERT_FALSE(r.ok()) << option;
    EXPECT_EQ(r.error().rfind("--backend=ebpf: cannot ", 0), 0u) << r.error();
    EXPECT_NE(r.error().find(option), std::string::npos) << r.error();
    EXPECT_NE(r.error().find("; use --backend=ptrace"), std::string::npos) << r.error();
    o.backend = Options::Backend::Auto;
    r = choose_engine(o, ptrace, usable("ebpf"));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value().kind, EngineKind::Ptrace) << option;
    o.backend = Options::Backend::Ptrace;
    EXPECT_TRUE(choose_engine(o, ptrace, usable("ebpf")).ok()) << option;
  }
  // -u, --argv0 and -I are every engine's: the command is started alike.
  Options o = with(Options::Backend::Ebpf);
  o.user_given = true;
  o.user = "nobody";
  o.argv0 = "x";
  o.interruptible = 4;
  EXPECT_TRUE(choose_engine(o, ptrace, usable("ebpf")).ok());
}

// Tampering: only an engine that holds its tracees can change their calls.
TEST(EngineChoice, InjectNeedsAnEngineThatTampers) {
  Options o = with(Options::Backend::Ebpf);
  std::vector<std::string> warnings;
  ASSERT_EQ(parse_inject("openat:error=EACCES", false, o.inject, warnings), "");
  Capabilities ptrace = usable("ptrace");
  ptrace.inject = true;
  auto r = choose_engine(o, ptrace, usable("ebpf"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(),
            "--backend=ebpf: cannot tamper with syscalls (-e inject=, -e fault=): bpf_override_return needs "
            "kprobes, which this kernel lacks; use --backend=ptrace");
  o.backend = Options::Backend::Auto;
  r = choose_engine(o, ptrace, usable("ebpf"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().kind, EngineKind::Ptrace);
  EXPECT_TRUE(ptrace_capabilities().inject);
}

}  // namespace
}  // namespace sct

namespace sct {
namespace {

// -k stack traces: an engine without user stacks refuses -k in one line.
TEST(EngineChoice, StackTracesNeedUserStacks) {
  Options o;
  o.backend = Options::Backend::Ebpf;
  o.stack_trace = 1;
  Capabilities ebpf;
  ebpf.engine = "ebpf";
  ebpf.available = true;
  auto r = choose_engine(o, ptrace_capabilities(), ebpf);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error(), "--backend=ebpf: cannot print user stacks (-k); use --backend=ptrace");
  ebpf.user_stacks = true;
  EXPECT_TRUE(choose_engine(o, ptrace_capabilities(), ebpf).ok());
  EXPECT_TRUE(ptrace_capabilities().user_stacks);
}

}  // namespace
}  // namespace sct
