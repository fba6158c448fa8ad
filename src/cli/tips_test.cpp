#include "cli/tips.hpp"

#include <gtest/gtest.h>

namespace sct {
namespace {

TEST(Tips, ItemsSetWhatTheyName) {
  TipsOptions o;
  ASSERT_TRUE(parse_tips("id:3,format:full", o));
  EXPECT_EQ(o.id, 3);
  EXPECT_EQ(o.format, TipsOptions::Format::Full);
  ASSERT_TRUE(parse_tips("5", o));
  EXPECT_EQ(o.id, 5);
  ASSERT_TRUE(parse_tips("none", o));
  EXPECT_EQ(o.format, TipsOptions::Format::None);
  ASSERT_TRUE(parse_tips("random,compact", o));
  EXPECT_EQ(o.id, -1);
  EXPECT_EQ(o.format, TipsOptions::Format::Compact);
  ASSERT_TRUE(parse_tips("", o));
}

TEST(Tips, RejectsWhatStraceRejects) {
  for (const char* bad : {"bogus", "id:-1", "-1", "id:x", "format:5", "id:", "format:"}) {
    TipsOptions o;
    EXPECT_FALSE(parse_tips(bad, o)) << bad;
  }
}

TEST(Tips, BoxedAndWrapped) {
  TipsOptions o;
  o.id = 1;
  std::string t = tip_text(o);
  ASSERT_FALSE(t.empty());
  EXPECT_EQ(t.back(), '\n');
  // Every line of the box under its top edge is as wide as the others.
  size_t start = t.find('\n') + 1, width = 0;
  while (start < t.size()) {
    size_t nl = t.find('\n', start);
    size_t w = nl - start;
    if (width == 0) width = w;
    EXPECT_EQ(w, width) << t.substr(start, w);
    start = nl + 1;
  }
  EXPECT_NE(t.find("-f follows children"), std::string::npos);
  // An id wraps around the tips.
  TipsOptions wrapped = o;
  wrapped.id = 1 + tip_count();
  EXPECT_EQ(tip_text(wrapped), t);
  o.format = TipsOptions::Format::None;
  EXPECT_EQ(tip_text(o), "");
}

}  // namespace
}  // namespace sct
