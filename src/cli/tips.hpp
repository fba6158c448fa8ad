// --tips (strace 6.1 has it; 7.x also runs it alone): a short tip about
// sctrace, in a box on standard error, when tracing ends.
#pragma once

#include <string>
#include <string_view>

namespace sct {

struct TipsOptions {
  enum class Format { None, Compact, Full };
  bool given = false;
  int id = -1;  // -1: one at random
  Format format = Format::Compact;
};

// [[id:]ID|random][,[format:]none|compact|full], each item setting what it
// names. False for anything else (a negative id among them).
bool parse_tips(std::string_view arg, TipsOptions& o);
// How many tips there are; an id wraps around them.
int tip_count();
// The tip's box, lines ending in '\n'; "" for format none.
std::string tip_text(const TipsOptions& o);

}  // namespace sct
