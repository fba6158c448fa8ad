// -e raw=, -e verbose=, --arg-names and -X on whole lines. Expected texts
// are strace 6.1's (raw=, verbose=); --arg-names names each argument as
// the spec does (the kernel's prototype: openat's dfd, filename).
#include <fcntl.h>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include "decode/dispatch.hpp"
#include "sink/text_format.hpp"
#include "testing/decode_harness.hpp"

namespace sct {
namespace {

std::string line(const char* name, std::array<uint64_t, 6> args, int64_t ret, Memory& mem,
                 const DecodeOptions& o) {
  DecodedCall d;
  d.info = syscall_by_name(name);
  d.nr = d.info->nr;
  for (int i = 0; i < 6; ++i) d.args[i] = args[i];
  decode_entry(1, d, mem, o);
  d.ret = ret;
  decode_exit(1, d, mem, o);
  return call_line(d, o, 0);
}

TEST(OutputControls, RawArgumentsAreTheRegistersInHex) {
  testing::FakeMemory m;
  m.put_str(0x1000, "/etc/passwd");
  DecodeOptions o;
  o.raw = true;
  // openat's row takes four arguments: strace prints them all.
  EXPECT_EQ(line("openat", {0xffffff9c, 0x1000, O_RDONLY | O_CLOEXEC, 0}, 3, m, o),
            "openat(0xffffff9c, 0x1000, 0x80000, 0) = 0x3");
  EXPECT_EQ(line("close", {3}, 0, m, o), "close(0x3) = 0");
  // An error keeps its name.
  EXPECT_EQ(line("close", {99}, -EBADF, m, o), "close(0x63) = -1 EBADF (Bad file descriptor)");
}

TEST(OutputControls, StructsAreAddressesWhenNotVerbose) {
  testing::FakeMemory m;
  m.put_str(0x1000, "a");
  struct stat st {};
  st.st_mode = S_IFREG | 0644;
  m.put_obj(0x2000, st);
  DecodeOptions o;
  o.structs = false;
  EXPECT_EQ(line("newfstatat", {3, 0x1000, 0x2000, 0}, 0, m, o), "newfstatat(3, \"a\", 0x2000, 0) = 0");
  o.structs = true;
  EXPECT_EQ(line("newfstatat", {3, 0x1000, 0x2000, 0}, 0, m, o),
            "newfstatat(3, \"a\", {st_mode=S_IFREG|0644, st_size=0, ...}, 0) = 0");
}

TEST(OutputControls, ArgumentNames) {
  testing::FakeMemory m;
  m.put_str(0x1000, "/etc/passwd");
  DecodeOptions o;
  o.arg_names = true;
  EXPECT_EQ(line("openat", {0xffffff9c, 0x1000, O_RDONLY, 0}, 3, m, o),
            "openat(dfd=AT_FDCWD, filename=\"/etc/passwd\", flags=O_RDONLY) = 3");
  o.xlat = XlatStyle::Verbose;
  EXPECT_EQ(line("openat", {0xffffff9c, 0x1000, O_RDONLY, 0}, 3, m, o),
            "openat(dfd=-100 /* AT_FDCWD */, filename=\"/etc/passwd\", flags=0 /* O_RDONLY */) = 3");
}

}  // namespace
}  // namespace sct
