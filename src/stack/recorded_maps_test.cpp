#include "stack/recorded_maps.hpp"

#include <gtest/gtest.h>

namespace sct {
namespace {

FileMapping map(uint64_t start, uint64_t end, uint64_t offset, const char* path, uint32_t flags = kMapRead) {
  return FileMapping{start, end, offset, (8u << 20) | 1, 42, flags, path};
}

TEST(RecordedMaps, ListsInAddressOrderAsProcDoes) {
  RecordedMaps m;
  m.add(map(0x7f0000002000, 0x7f0000005000, 0x1000, "/usr/lib/libc.so.6", kMapRead | kMapExec));
  m.add(map(0x55550000, 0x55551000, 0, "/usr/bin/cat"));
  EXPECT_EQ(m.proc_maps(),
            "55550000-55551000 r--p 00000000 08:01 42 /usr/bin/cat\n"
            "7f0000002000-7f0000005000 r-xp 00001000 08:01 42 /usr/lib/libc.so.6\n");
}

TEST(RecordedMaps, ANewMappingReplacesWhatItOverlaps) {
  // ld.so maps a library whole, then each segment over it (MAP_FIXED).
  RecordedMaps m;
  m.add(map(0x10000, 0x20000, 0, "/lib/a.so"));
  m.add(map(0x12000, 0x14000, 0x2000, "/lib/a.so", kMapRead | kMapExec));
  EXPECT_EQ(m.proc_maps(),
            "00010000-00012000 r--p 00000000 08:01 42 /lib/a.so\n"
            "00012000-00014000 r-xp 00002000 08:01 42 /lib/a.so\n"
            "00014000-00020000 r--p 00004000 08:01 42 /lib/a.so\n");
  // Another file over the whole of two and part of a third.
  m.add(map(0x11000, 0x15000, 0, "/lib/b.so"));
  EXPECT_EQ(m.proc_maps(),
            "00010000-00011000 r--p 00000000 08:01 42 /lib/a.so\n"
            "00011000-00015000 r--p 00000000 08:01 42 /lib/b.so\n"
            "00015000-00020000 r--p 00005000 08:01 42 /lib/a.so\n");
  EXPECT_EQ(m.size(), 3u);
}

TEST(RecordedMaps, AnonymousMemoryEndsWhatWasThere) {
  // A file unmapped, then the range reused for code written at run time.
  RecordedMaps m;
  m.add(map(0x10000, 0x20000, 0, "/etc/ld.so.cache"));
  m.add(map(0x18000, 0x19000, 0, ""));
  EXPECT_EQ(m.proc_maps(),
            "00010000-00018000 r--p 00000000 08:01 42 /etc/ld.so.cache\n"
            "00019000-00020000 r--p 00009000 08:01 42 /etc/ld.so.cache\n");
}

TEST(RecordedMaps, TheSameRangeAgainIsOneMapping) {
  RecordedMaps m;
  m.add(map(0x10000, 0x20000, 0, "/lib/a.so"));
  m.add(map(0x10000, 0x20000, 0, "/lib/a.so", kMapRead | kMapWrite));
  EXPECT_EQ(m.proc_maps(), "00010000-00020000 rw-p 00000000 08:01 42 /lib/a.so\n");
  m.add(map(0x20000, 0x10000, 0, "/lib/empty"));  // nothing: an empty range
  EXPECT_EQ(m.size(), 1u);
  m.clear();
  EXPECT_TRUE(m.empty());
}

}  // namespace
}  // namespace sct
