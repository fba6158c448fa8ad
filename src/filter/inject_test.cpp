#include "filter/inject.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <csignal>

#include "syscalls/syscall_table.hpp"

namespace sct {
namespace {

long nr_of(const char* name) { return syscall_by_name(name)->nr; }

// Parses one expression; its error, or "" (then `rule` is what it made).
std::string parse(const std::string& expr, InjectRule* rule = nullptr, bool fault = false,
                  std::vector<std::string>* warnings = nullptr) {
  InjectOptions o;
  std::vector<std::string> w;
  std::string err = parse_inject(expr, fault, o, w);
  if (warnings) *warnings = w;
  if (err.empty() && rule) *rule = o.rules.back();
  return err;
}

TEST(Inject, ErrorAndRetval) {
  InjectRule r;
  ASSERT_EQ(parse("openat:error=EACCES", &r), "");
  EXPECT_TRUE(r.what.replace);
  EXPECT_TRUE(r.what.is_error);
  EXPECT_EQ(r.what.value, static_cast<uint64_t>(EACCES));
  ASSERT_EQ(parse("openat:error=eacces", &r), "");  // any case, as strace
  EXPECT_EQ(r.what.value, static_cast<uint64_t>(EACCES));
  ASSERT_EQ(parse("openat:error=4095", &r), "");
  ASSERT_EQ(parse("openat:error=+5", &r), "");
  EXPECT_EQ(r.what.value, 5u);
  ASSERT_EQ(parse("openat:error=010", &r), "");  // decimal
  EXPECT_EQ(r.what.value, 10u);
  ASSERT_EQ(parse("getpid:retval=42", &r), "");
  EXPECT_TRUE(r.what.replace);
  EXPECT_FALSE(r.what.is_error);
  EXPECT_EQ(r.what.value, 42u);
  ASSERT_EQ(parse("getpid:retval=0x10", &r), "");  // C's notations
  EXPECT_EQ(r.what.value, 16u);
  ASSERT_EQ(parse("getpid:retval=010", &r), "");
  EXPECT_EQ(r.what.value, 8u);
  // strace 6.1's refusals, word for word.
  for (const char* bad : {"openat:error=EFOO", "openat:error=0", "openat:error=4096", "openat:error=0x10",
                          "openat:error=-1", "openat:error=ENOTSUP", "openat:error=EWOULDBLOCK",
                          "openat:error=", "openat:error=EACCES:retval=1", "openat:error=EACCES:error=ENOENT",
                          "getpid:retval=1:retval=2", "getpid:retval=18446744073709551616", "getpid:retval=abc",
                          "getpid:retval=", "getpid:error"})
    EXPECT_EQ(parse(bad), std::string("invalid inject argument '") + bad + "'") << bad;
}

TEST(Inject, RetvalWarnings) {
  std::vector<std::string> w;
  ASSERT_EQ(parse("getpid:retval=-1", nullptr, false, &w), "");
  EXPECT_EQ(w, std::vector<std::string>{"Inadvertent injection of error 1 is possible for retval=18446744073709551615"});
  ASSERT_EQ(parse("getpid:retval=-5000", nullptr, false, &w), "");
  EXPECT_EQ(w, std::vector<std::string>{
                   "Injected return value 18446744073709546616 will be clipped to 4294962296 in compat personality"});
  ASSERT_EQ(parse("getpid:retval=4294967295", nullptr, false, &w), "");
  EXPECT_EQ(w, std::vector<std::string>{
                   "Inadvertent injection of error 1 is possible in compat personality for retval=4294967295"});
  ASSERT_EQ(parse("getpid:retval=4294963200", nullptr, false, &w), "");
  EXPECT_TRUE(w.empty());
  // Said as it is parsed, before the error of a later option.
  EXPECT_EQ(parse("getpid:retval=-1:foo", nullptr, false, &w), "invalid inject argument 'getpid:retval=-1:foo'");
  EXPECT_EQ(w.size(), 1u);
}

TEST(Inject, Signals) {
  InjectRule r;
  for (const char* s : {"SIGUSR1", "USR1", "usr1", "sigusr1", "10"}) {
    ASSERT_EQ(parse(std::string("getpid:signal=") + s, &r), "") << s;
    EXPECT_EQ(r.what.signal, SIGUSR1) << s;
    EXPECT_FALSE(r.what.replace);
  }
  ASSERT_EQ(parse("getpid:signal=64", &r), "");
  EXPECT_EQ(r.what.signal, 64);
  for (const char* bad : {"getpid:signal=FOO", "getpid:signal=0", "getpid:signal=65", "getpid:signal=+10",
                          "getpid:signal=0x10", "getpid:signal=SIGIOT", "getpid:signal=",
                          "getpid:signal=SIGUSR1:signal=SIGUSR2"})
    EXPECT_EQ(parse(bad), std::string("invalid inject argument '") + bad + "'") << bad;
}

TEST(Inject, When) {
  InjectRule r;
  ASSERT_EQ(parse("getpid:error=EPERM:when=2..3", &r), "");
  EXPECT_FALSE(r.applies(1));
  EXPECT_TRUE(r.applies(2));
  EXPECT_TRUE(r.applies(3));
  EXPECT_FALSE(r.applies(4));
  ASSERT_EQ(parse("getpid:error=EPERM:when=3+", &r), "");
  EXPECT_FALSE(r.applies(2));
  EXPECT_TRUE(r.applies(3));
  EXPECT_TRUE(r.applies(100000));
  ASSERT_EQ(parse("getpid:error=EPERM:when=3", &r), "");
  EXPECT_TRUE(r.applies(3));
  EXPECT_FALSE(r.applies(4));
  ASSERT_EQ(parse("getpid:error=EPERM:when=2+3", &r), "");
  EXPECT_TRUE(r.applies(2));
  EXPECT_FALSE(r.applies(3));
  EXPECT_TRUE(r.applies(5));
  EXPECT_TRUE(r.applies(8));
  ASSERT_EQ(parse("getpid:error=EPERM:when=2..6+2", &r), "");
  EXPECT_TRUE(r.applies(6));
  EXPECT_FALSE(r.applies(8));
  ASSERT_EQ(parse("getpid:error=EPERM", &r), "");  // every one
  EXPECT_TRUE(r.applies(1));
  EXPECT_TRUE(r.applies(70000));
  ASSERT_EQ(parse("getpid:error=EPERM:when=2:when=5", &r), "");  // the last one counts
  EXPECT_TRUE(r.applies(5));
  EXPECT_FALSE(r.applies(2));
  for (const char* ok : {"when=65535", "when=1..65534", "when=3..3", "when=+3", "when=03", "when=1+65535", "when=3..5+"})
    EXPECT_EQ(parse(std::string("getpid:error=EPERM:") + ok), "") << ok;
  for (const char* bad : {"when=0", "when=65536", "when=1..65535", "when=3..2", "when=1+0", "when=1+65536",
                          "when=1..", "when=..3", "when=1x", "when=0..3", "when=abc"}) {
    std::string e = std::string("getpid:error=EPERM:") + bad;
    EXPECT_EQ(parse(e), "invalid inject argument '" + e + "'") << bad;
  }
}

TEST(Inject, Delays) {
  int64_t ns;
  ASSERT_TRUE(parse_time_spec("10", ns));
  EXPECT_EQ(ns, 10000);  // microseconds by default
  ASSERT_TRUE(parse_time_spec("10ms", ns));
  EXPECT_EQ(ns, 10000000);
  ASSERT_TRUE(parse_time_spec("1.5s", ns));
  EXPECT_EQ(ns, 1500000000);
  ASSERT_TRUE(parse_time_spec("1000ns", ns));
  EXPECT_EQ(ns, 1000);
  ASSERT_TRUE(parse_time_spec("1e3", ns));
  EXPECT_EQ(ns, 1000000);
  ASSERT_TRUE(parse_time_spec(".5ms", ns));
  EXPECT_EQ(ns, 500000);
  ASSERT_TRUE(parse_time_spec("0", ns));
  EXPECT_EQ(ns, 0);
  for (const char* bad : {"-1", "1m", "10MS", "0x10", "inf", "nan", "1d", "", "ms"})
    EXPECT_FALSE(parse_time_spec(bad, ns)) << bad;
  InjectRule r;
  ASSERT_EQ(parse("getpid:delay_enter=10ms:delay_exit=1", &r), "");
  EXPECT_EQ(r.what.delay_enter_ns, 10000000);
  EXPECT_EQ(r.what.delay_exit_ns, 1000);
  EXPECT_FALSE(r.what.replace);
  EXPECT_EQ(parse("getpid:delay_enter=5:delay_enter=6"), "invalid inject argument 'getpid:delay_enter=5:delay_enter=6'");
}

TEST(Inject, Substitute) {
  InjectRule r;
  ASSERT_EQ(parse("openat:syscall=getpid:error=ENOENT", &r), "");
  EXPECT_EQ(r.what.substitute, nr_of("getpid"));
  ASSERT_EQ(parse("openat:syscall=getuid:retval=3", &r), "");
  EXPECT_EQ(r.what.substitute, nr_of("getuid"));
  // Only %pure calls; only with a call that is not run (error= or retval=).
  for (const char* bad : {"openat:syscall=open:error=ENOENT", "openat:syscall=foo:error=EPERM",
                          "openat:syscall=getpid", "openat:syscall=getpid@64:error=EPERM",
                          "openat:syscall=%pure:error=EPERM", "openat:syscall=39:error=EPERM",
                          "openat:syscall=getpid:syscall=getuid:error=EPERM"})
    EXPECT_EQ(parse(bad), std::string("invalid inject argument '") + bad + "'") << bad;
}

TEST(Inject, Pokes) {
  InjectRule r;
  ASSERT_EQ(parse("write:poke_enter=@arg2=4142,@arg3=0X01", &r), "");
  ASSERT_EQ(r.what.poke_enter.size(), 2u);
  EXPECT_EQ(r.what.poke_enter[0].arg, 1);
  EXPECT_EQ(r.what.poke_enter[0].bytes, "AB");
  EXPECT_EQ(r.what.poke_enter[1].bytes, std::string(1, '\1'));
  ASSERT_EQ(parse("write:poke_exit=@arg7=aBcD,", &r), "");
  EXPECT_EQ(r.what.poke_exit[0].arg, 6);
  EXPECT_EQ(r.what.poke_exit[0].bytes, "\xab\xcd");
  ASSERT_EQ(parse("write:poke_enter=@arg1=00:poke_exit=@arg1=11"), "");
  ASSERT_EQ(parse("write:poke_enter=@arg1=" + std::string(2048, 'a')), "");
  for (std::string bad : std::vector<std::string>{"write:poke_enter=@arg0=00", "write:poke_enter=@arg8=00", "write:poke_enter=@arg1=0",
                          "write:poke_enter=@arg1=", "write:poke_enter=@arg1=zz", "write:poke_enter=arg1=00",
                          "write:poke_enter=@arg1=00,@arg1=11", "write:poke_enter=", "write:poke_enter=@arg01=00",
                          "write:poke_enter=@ARG1=00", "write:poke_enter=@arg1=00:poke_enter=@arg2=11",
                          "write:poke_enter=@arg1=" + std::string(2050, 'a')})
    EXPECT_EQ(parse(bad), "invalid inject argument '" + bad + "'") << bad;
}

TEST(Inject, SetsAndOrder) {
  // The options are read first, then the set, then "is there an action?".
  EXPECT_EQ(parse("foo:bar"), "invalid inject argument 'foo:bar'");
  EXPECT_EQ(parse("foo:error=EACCES"), "invalid system call 'foo'");
  EXPECT_EQ(parse("foo"), "invalid system call 'foo'");
  EXPECT_EQ(parse(":error=EACCES"), "invalid system call ''");
  EXPECT_EQ(parse("openat"), "invalid inject argument 'openat'");
  EXPECT_EQ(parse("openat:when=2"), "invalid inject argument 'openat:when=2'");
  EXPECT_EQ(parse("/a:b:retval=3"), "invalid inject argument '/a:b:retval=3'");
  EXPECT_EQ(parse("openat::error=EACCES:"), "");
  EXPECT_EQ(parse("?foo:retval=1"), "");
  EXPECT_EQ(parse("!all:error=EPERM"), "");

  InjectOptions o;
  std::vector<std::string> w;
  ASSERT_EQ(parse_inject("%file:error=EACCES", false, o, w), "");
  ASSERT_EQ(parse_inject("/^getp:retval=1", false, o, w), "");
  ASSERT_EQ(parse_inject("getppid:retval=2", false, o, w), "");
  ASSERT_NE(o.rule_for(nr_of("openat")), nullptr);
  EXPECT_TRUE(o.rule_for(nr_of("openat"))->what.is_error);
  EXPECT_EQ(o.rule_for(nr_of("getpid"))->what.value, 1u);
  EXPECT_EQ(o.rule_for(nr_of("getppid"))->what.value, 2u);  // the last expression naming it
  EXPECT_EQ(o.rule_for(nr_of("close")), nullptr);
}

TEST(Inject, Fault) {
  InjectRule r;
  ASSERT_EQ(parse("openat", &r, true), "");
  EXPECT_TRUE(r.what.is_error);
  EXPECT_EQ(r.what.value, static_cast<uint64_t>(ENOSYS));
  ASSERT_EQ(parse("openat:error=EPERM:when=2", &r, true), "");
  EXPECT_EQ(r.what.value, static_cast<uint64_t>(EPERM));
  ASSERT_EQ(parse("getpid:syscall=getuid", &r, true), "");
  EXPECT_EQ(r.what.substitute, nr_of("getuid"));
  for (const char* bad : {"openat:retval=1", "openat:signal=SIGUSR1", "openat:delay_enter=1",
                          "openat:poke_enter=@arg1=00", "openat:error=ENOSYS:error=EPERM"})
    EXPECT_EQ(parse(bad, nullptr, true), std::string("invalid fault argument '") + bad + "'") << bad;
  EXPECT_EQ(parse("foo", nullptr, true), "invalid system call 'foo'");
}

}  // namespace
}  // namespace sct
