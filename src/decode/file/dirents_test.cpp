#include <dirent.h>

#include <cstring>
#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

TEST(Getdents64, CountsEntriesWithoutVerbose) {
  FakeMemory m;
  // Two records: 24 bytes each (19-byte header, name, padding).
  std::string buf(48, '\0');
  for (int i = 0; i < 2; ++i) {
    uint16_t reclen = 24;
    memcpy(&buf[i * 24 + 16], &reclen, 2);
    buf[i * 24 + 18] = DT_REG;
    buf[i * 24 + 19] = 'a' + i;
  }
  m.put(0x3000, buf);
  EXPECT_EQ(trace_line("getdents64", {3, 0x3000, 32768}, 48, m),
            "getdents64(3, 0x3000 /* 2 entries */, 32768) = 48");
  DecodeOptions v;
  v.verbose = true;
  EXPECT_EQ(trace_line("getdents64", {3, 0x3000, 32768}, 48, m, v),
            R"(getdents64(3, [{d_ino=0, d_off=0, d_reclen=24, d_type=DT_REG, d_name="a"}, )"
            R"({d_ino=0, d_off=0, d_reclen=24, d_type=DT_REG, d_name="b"}], 32768) = 48)");
}

// What the eBPF engine gives for a result larger than it copies: the start
// of the buffer, and the count of all its entries.
class PrefixMemory : public FakeMemory {
 public:
  PrefixMemory(std::string copied, uint64_t counted) : copied_(std::move(copied)), counted_(counted) {}
  bool read(uint64_t, void*, size_t) override { return false; }
  size_t read_prefix(uint64_t addr, void* buf, size_t len) override {
    if (addr != 0x3000) return 0;
    size_t n = std::min(len, copied_.size());
    memcpy(buf, copied_.data(), n);
    return n;
  }
  std::optional<uint64_t> dirents_counted(uint64_t addr) override {
    return addr == 0x3000 ? std::optional<uint64_t>(counted_) : std::nullopt;
  }

 private:
  std::string copied_;
  uint64_t counted_;
};

TEST(Getdents64, ShortCopyCountsAllAndMarksWhereTheCopyEnds) {
  // 3 entries of 24 bytes copied, and half of a fourth; 5 in the result.
  std::string buf(84, '\0');
  for (int i = 0; i < 3; ++i) {
    uint16_t reclen = 24;
    memcpy(&buf[i * 24 + 16], &reclen, 2);
    buf[i * 24 + 19] = 'a' + i;
  }
  buf[72] = 'x';  // a fourth entry's first bytes
  PrefixMemory m(buf, 5);
  EXPECT_EQ(trace_line("getdents64", {3, 0x3000, 131072}, 120, m),
            "getdents64(3, 0x3000 /* 5 entries */, 131072) = 120");
  DecodeOptions v;
  v.verbose = true;
  EXPECT_EQ(trace_line("getdents64", {3, 0x3000, 131072}, 120, m, v),
            R"(getdents64(3, [{d_ino=0, d_off=0, d_reclen=24, d_type=DT_UNKNOWN, d_name="a"}, )"
            R"({d_ino=0, d_off=0, d_reclen=24, d_type=DT_UNKNOWN, d_name="b"}, )"
            R"({d_ino=0, d_off=0, d_reclen=24, d_type=DT_UNKNOWN, d_name="c"}, )"
            R"(0x3048 /* 2 entries not captured */], 131072) = 120)");
  // Nothing counted (ptrace, or a copy that failed): the address, as strace.
  PrefixMemory none(buf, 0);
  EXPECT_EQ(trace_line("getdents64", {3, 0x4000, 131072}, 120, none), "getdents64(3, 0x4000, 131072)           = 120");
}

}  // namespace
}  // namespace sct::testing
