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

}  // namespace
}  // namespace sct::testing
