#include "syscalls/struct_desc.hpp"
#include "syscalls/struct_ids.hpp"

#include <gtest/gtest.h>

namespace sct {
namespace {

TEST(StructDesc, LayoutFromTheHeader) {
  const StructDesc& it = struct_desc(StructId::Itimerval);
  EXPECT_EQ(it.size, 32);
  ASSERT_EQ(it.fields.size(), 2u);
  EXPECT_EQ(it.fields[0].name, "it_interval");
  EXPECT_EQ(it.fields[1].offset, 16);
  EXPECT_EQ(it.fields[1].type, FieldT::Struct);
  EXPECT_EQ(it.fields[1].sub, StructId::Timeval);
  const StructDesc& tv = struct_desc(StructId::Timeval);
  EXPECT_EQ(tv.fields[1].offset, 8);
  EXPECT_EQ(tv.fields[1].size, 8);
  const StructDesc& tz = struct_desc(StructId::Timezone);
  EXPECT_EQ(tz.size, 8);
  EXPECT_EQ(tz.fields[1].size, 4);
}

TEST(StructDesc, BoxIsOneUnnamedValue) {
  const StructDesc& b = struct_desc(StructId::SchedParam);
  EXPECT_TRUE(b.box);
  EXPECT_EQ(b.size, 4);
  ASSERT_EQ(b.fields.size(), 1u);
  EXPECT_EQ(b.fields[0].type, FieldT::Int);
}

TEST(StructDesc, NoneIsEmpty) {
  EXPECT_EQ(struct_desc(StructId::None).size, 0);
  EXPECT_TRUE(struct_desc(StructId::None).fields.empty());
}

}  // namespace
}  // namespace sct
