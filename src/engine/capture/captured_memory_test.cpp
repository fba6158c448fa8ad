#include "engine/capture/captured_memory.hpp"

#include <gtest/gtest.h>

#include <cstring>

namespace sct {
namespace {

TEST(CapturedMemory, ReadsInsideACopyOnly) {
  CapturedMemory m;
  m.add({0x1000, "abcdefgh", false, false});
  char b[4];
  ASSERT_TRUE(m.read(0x1002, b, 4));
  EXPECT_EQ(std::string(b, 4), "cdef");
  EXPECT_FALSE(m.read(0x1006, b, 4));  // runs past the copy
  EXPECT_FALSE(m.read(0x0ffe, b, 4));  // starts before it
}

// getdents: the kernel's count of a result's entries, for that buffer only.
TEST(CapturedMemory, DirentsCountedForTheirBuffer) {
  CapturedMemory m;
  sct_dirents d{0x5000, 3002};
  std::string raw(reinterpret_cast<const char*>(&d), sizeof d);
  m.add({SCT_AT_DIRENTS, raw, false, false});
  EXPECT_EQ(m.dirents_counted(0x5000), 3002u);
  EXPECT_FALSE(m.dirents_counted(0x6000).has_value());
  CapturedMemory none;
  EXPECT_FALSE(none.dirents_counted(0x5000).has_value());
  CapturedMemory exit_record(&m);  // the exit's captures, then the entry's
  EXPECT_EQ(exit_record.dirents_counted(0x5000), 3002u);
}

TEST(CapturedMemory, StringsEndAtTheirNulOrAreMarkedCut) {
  CapturedMemory m;
  m.add({0x2000, "/etc/passwd", true, true});
  m.add({0x3000, "very long argument", true, false});
  bool t = false;
  EXPECT_EQ(m.read_cstr(0x2000, 4096, &t), "/etc/passwd");
  EXPECT_TRUE(t);
  EXPECT_EQ(m.read_cstr(0x2005, 4096, &t), "passwd");
  EXPECT_EQ(m.read_cstr(0x2000, 4, &t), "/etc");
  EXPECT_FALSE(t);
  EXPECT_EQ(m.read_cstr(0x2000, 11, &t), "/etc/passwd");  // exactly -s bytes
  EXPECT_TRUE(t);
  EXPECT_EQ(m.read_cstr(0x3000, 100, &t), "very long argument");
  EXPECT_FALSE(t);  // the copy stopped; the string goes on
  EXPECT_FALSE(m.read_cstr(0x4000, 10, &t).has_value());
}

TEST(CapturedMemory, AStringInARawCopyEndsAtItsNul) {
  CapturedMemory m;
  std::string raw("ab\0cd", 5);
  m.add({0x1000, raw, false, false});
  bool t = false;
  EXPECT_EQ(m.read_cstr(0x1000, 32, &t), "ab");
  EXPECT_TRUE(t);
}

// An execve's environment: the entry's copy of the pointer array ran on
// into a string and ends inside it; the exec's own copy of it is whole.
TEST(CapturedMemory, AStringCutByTheEndOfACopyIsTakenWholeFromAnother) {
  CapturedMemory exec;
  exec.add({0x1004, "V32=x", true, true});
  CapturedMemory entry(&exec);
  entry.add({0x1000, std::string("\0\0\0\0V", 5), false, false});
  bool t = false;
  EXPECT_EQ(entry.read_cstr(0x1004, 32, &t), "V32=x");
  EXPECT_TRUE(t);
  // With nothing better, the cut copy, said to be cut.
  CapturedMemory alone;
  alone.add({0x1000, std::string("\0\0\0\0V", 5), false, false});
  EXPECT_EQ(alone.read_cstr(0x1004, 32, &t), "V");
  EXPECT_FALSE(t);
}

TEST(CapturedMemory, TheExitCopyComesFirstThenTheEntrys) {
  CapturedMemory entry;
  entry.add({0x1000, "entry", false, false});
  entry.add({0x2000, "only-entry", false, false});
  CapturedMemory exit(&entry);
  exit.add({0x1000, "exit!", false, false});
  char b[5];
  ASSERT_TRUE(exit.read(0x1000, b, 5));
  EXPECT_EQ(std::string(b, 5), "exit!");
  ASSERT_TRUE(exit.read(0x2000, b, 4));
  EXPECT_EQ(std::string(b, 4), "only");
}

TEST(CapturedMemory, ParsesARecordAndRejectsATruncatedOne) {
  alignas(8) uint8_t rec[sizeof(sct_record) + sizeof(sct_capture_hdr) + 8] = {};
  sct_record h{};
  h.ncaptures = 1;
  h.size = sizeof rec;
  memcpy(rec, &h, sizeof h);
  sct_capture_hdr c{0x5000, 3, SCT_CAPF_STR | SCT_CAPF_TERMINATED};
  memcpy(rec + sizeof h, &c, sizeof c);
  memcpy(rec + sizeof h + sizeof c, "foo", 3);
  CapturedMemory m;
  ASSERT_TRUE(m.add_record(rec, sizeof rec));
  bool t = false;
  EXPECT_EQ(m.read_cstr(0x5000, 32, &t), "foo");
  EXPECT_TRUE(t);
  CapturedMemory bad;
  EXPECT_FALSE(bad.add_record(rec, sizeof h + sizeof c + 1));
}

}  // namespace
}  // namespace sct
