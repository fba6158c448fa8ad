#include "filter/expressions.hpp"

#include <gtest/gtest.h>

#include "syscalls/syscall_table.hpp"

namespace sct {
namespace {

bool has(const SyscallSet& s, const char* name) {
  return s.test(static_cast<size_t>(syscall_by_name(name)->nr));
}

TEST(TraceSet, NamesClassesRegexNegation) {
  SyscallSet s;
  ASSERT_EQ(parse_trace_set("openat,close", s), "");
  EXPECT_TRUE(has(s, "openat"));
  EXPECT_TRUE(has(s, "close"));
  EXPECT_FALSE(has(s, "read"));
  EXPECT_EQ(s.count(), 2u);

  ASSERT_EQ(parse_trace_set("%file", s), "");
  EXPECT_TRUE(has(s, "openat"));
  EXPECT_TRUE(has(s, "execve"));
  EXPECT_FALSE(has(s, "close"));
  SyscallSet bare;
  ASSERT_EQ(parse_trace_set("file", bare), "");
  EXPECT_EQ(bare, s);

  ASSERT_EQ(parse_trace_set("%%stat", s), "");
  EXPECT_TRUE(has(s, "stat") && has(s, "lstat") && has(s, "fstat") && has(s, "newfstatat") && has(s, "statx"));
  EXPECT_FALSE(has(s, "statfs"));

  ASSERT_EQ(parse_trace_set("/^clo", s), "");
  EXPECT_TRUE(has(s, "close") && has(s, "clock_gettime") && has(s, "clone"));
  EXPECT_FALSE(has(s, "openat"));

  ASSERT_EQ(parse_trace_set("!openat", s), "");
  EXPECT_FALSE(has(s, "openat"));
  EXPECT_TRUE(has(s, "read"));

  ASSERT_EQ(parse_trace_set("none", s), "");
  EXPECT_TRUE(s.none());
  ASSERT_EQ(parse_trace_set("all", s), "");
  EXPECT_TRUE(s.all());
  ASSERT_EQ(parse_trace_set("!all", s), "");
  EXPECT_TRUE(s.none());
}

TEST(TraceSet, ErrorsInStracesWords) {
  SyscallSet s;
  EXPECT_EQ(parse_trace_set("foo", s), "invalid system call 'foo'");
  EXPECT_EQ(parse_trace_set("%foo", s), "invalid system call '%foo'");
  EXPECT_EQ(parse_trace_set("creds", s), "invalid system call 'creds'");  // only as %creds
  EXPECT_EQ(parse_trace_set("", s), "invalid system call ''");
  EXPECT_EQ(parse_trace_set("?foo,close", s), "");
  EXPECT_EQ(s.count(), 1u);
  EXPECT_EQ(parse_trace_set("/[", s).rfind("regcomp: [: ", 0), 0u);
}

TEST(StatusSet, WordsAndNegation) {
  unsigned st = 0;
  ASSERT_EQ(parse_status_set("failed", st), "");
  EXPECT_EQ(st, kStatusFailed);
  ASSERT_EQ(parse_status_set("!successful", st), "");
  EXPECT_EQ(st, kStatusAll & ~kStatusSuccessful);
  EXPECT_EQ(parse_status_set("bogus", st), "invalid status 'bogus'");
}

TEST(SignalSet, NamesWithAndWithoutSig) {
  std::bitset<65> s;
  ASSERT_EQ(parse_signal_set("SIGCHLD,int,15", s), "");
  EXPECT_TRUE(s.test(17) && s.test(2) && s.test(15));
  EXPECT_EQ(s.count(), 3u);
  ASSERT_EQ(parse_signal_set("!chld", s), "");
  EXPECT_FALSE(s.test(17));
  EXPECT_TRUE(s.test(2));
  EXPECT_EQ(parse_signal_set("bogus", s), "invalid signal 'bogus'");
}

TEST(QuietSet, Words) {
  unsigned q = 0;
  ASSERT_EQ(parse_quiet_set("attach,exit", q), "");
  EXPECT_EQ(q, kQuietAttach | kQuietExit);
  EXPECT_EQ(parse_quiet_set("bogus", q), "invalid quiet 'bogus'");
}

TEST(TraceSet, PersonalitiesOfX86_64) {
  SyscallSet s;
  // Names only the i386 or x32 personality has are accepted and select nothing.
  ASSERT_EQ(parse_trace_set("mmap2,_llseek", s), "");
  EXPECT_TRUE(s.none());
  ASSERT_EQ(parse_trace_set("read@64,close", s), "");
  EXPECT_TRUE(has(s, "read") && has(s, "close"));
  EXPECT_EQ(s.count(), 2u);
  ASSERT_EQ(parse_trace_set("read@32,mmap2@32,read@x32,%file@32,/^read$@32,all@32", s), "");
  EXPECT_TRUE(s.none());
  ASSERT_EQ(parse_trace_set("%file@64", s), "");
  EXPECT_TRUE(has(s, "openat"));
  ASSERT_EQ(parse_trace_set("all@64", s), "");
  EXPECT_TRUE(s.all());
  ASSERT_EQ(parse_trace_set("!read@32", s), "");
  EXPECT_TRUE(s.all());

  EXPECT_EQ(parse_trace_set("mmap2@64", s), "invalid system call 'mmap2@64'");
  EXPECT_EQ(parse_trace_set("mmap2@x32", s), "invalid system call 'mmap2@x32'");
  EXPECT_EQ(parse_trace_set("read@64@64", s), "invalid system call 'read@64@64'");
  EXPECT_EQ(parse_trace_set("none@64", s), "invalid system call 'none@64'");
  std::string bad = parse_trace_set("?read@x64", s);
  EXPECT_EQ(bad, "incorrect personality designator 'x64' in qualification 'read@x64'");
  EXPECT_TRUE(wants_usage_hint(bad));
  EXPECT_FALSE(wants_usage_hint(parse_trace_set("foo", s)));
}

}  // namespace
}  // namespace sct
