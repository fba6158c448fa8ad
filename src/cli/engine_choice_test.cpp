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

}  // namespace
}  // namespace sct
