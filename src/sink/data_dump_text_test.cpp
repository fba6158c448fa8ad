#include "sink/data_dump_text.hpp"

#include <gtest/gtest.h>

namespace sct {
namespace {

std::string dump(DataChunk c) {
  std::string out;
  append_data_dump(out, c);
  return out;
}

// The layouts below are strace 6.1's, copied from its output
// (strace -e write=all on these bytes).
TEST(DataDumpText, ShortLineIsPaddedToTheAsciiColumn) {
  EXPECT_EQ(dump({"hello\n", 6, -1}),
            " | 00000  68 65 6c 6c 6f 0a                                 hello.           |\n");
}

TEST(DataDumpText, FullLinesSplitHexInEightsAndDotTheUnprintable) {
  std::string b;
  for (int i = 0; i < 20; ++i) b += static_cast<char>(i * 7);
  EXPECT_EQ(dump({b, 20, -1}),
            " | 00000  00 07 0e 15 1c 23 2a 31  38 3f 46 4d 54 5b 62 69  .....#*18?FMT[bi |\n"
            " | 00010  70 77 7e 85                                       pw~.             |\n");
}

TEST(DataDumpText, IovecsAreHeadedWithTheirIndex) {
  EXPECT_EQ(dump({"abc", 3, 1}),
            " * 3 bytes in buffer 1\n"
            " | 00000  61 62 63                                          abc              |\n");
}

TEST(DataDumpText, ACutDumpSaysHowMuchIsMissing) {
  // 16 of 40 bytes copied: one line of data, then the marker, never a dump
  // that looks whole.
  EXPECT_EQ(dump({std::string(16, 'a'), 40, -1}),
            " | 00000  61 61 61 61 61 61 61 61  61 61 61 61 61 61 61 61  aaaaaaaaaaaaaaaa |\n"
            " * sctrace: dump cut short: 24 of 40 bytes not captured\n");
}

TEST(DataDumpText, MessagesAreHeadedWithTheirIovecCount) {
  DataChunk c{"fgh", 3, 0};
  c.vector = 1;
  c.vector_iovs = 1;
  c.vector_head = true;
  EXPECT_EQ(dump(c),
            " = 1 buffers in vector 1\n"
            " * 3 bytes in buffer 0\n"
            " | 00000  66 67 68                                          fgh              |\n");
  DataChunk gone;
  gone.missing = true;
  EXPECT_EQ(dump(gone), " * sctrace: dump cut short: the data was not captured\n");
}

}  // namespace
}  // namespace sct
