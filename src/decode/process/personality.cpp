// personality: an execution domain in the low byte, flags above it; the
// previous persona is returned and printed the same way.
#include <fmt/format.h>

#include "core/arg_sets.hpp"
#include "syscalls/arg_set_ids.hpp"
#include "core/call.hpp"
#include "decode/common.hpp"

namespace sct {

namespace {

constexpr unsigned kPerMask = 0xff;       // PER_MASK (<sys/personality.h>)
constexpr unsigned kQuery = 0xffffffff;   // asks for the persona, changes nothing

std::string persona_text(unsigned v, const DecodeOptions& o) {
  std::string out = render_value_text(arg_set_value(ArgSet::PerType, v & kPerMask), o);
  unsigned rest = v & ~kPerMask;
  if (!rest) return out;
  Flags f = flags_of(arg_set_table(ArgSet::PerFlags), rest);
  return out + "|" + render_flags_text(f);
}

// The text, and for -X raw and verbose the type and the flags as two
// numbers (0x8|0x40000).
Value persona_value(unsigned v, const DecodeOptions& o) {
  DecodeOptions named = o;
  named.xlat = XlatStyle::Abbrev;
  Flags word;
  word.names.push_back(persona_text(v, named));
  word.raw = v;
  word.parts.push_back(arg_set_value(ArgSet::PerType, v & kPerMask));
  if (unsigned rest = v & ~kPerMask) word.parts.push_back(flags_of(arg_set_table(ArgSet::PerFlags), rest));
  return word;
}

}  // namespace

bool decode_personality(Call& c) {
  if (c.entering()) {
    unsigned v = c.uarg(0);  // unsigned int persona
    c.push(v == kQuery ? Value(Hex{v}) : persona_value(v, c.opts()));
    c.args_done();
    return false;
  }
  auto v = static_cast<unsigned>(c.ret());
  c.set_ret(Hex{v});
  c.set_ret_aux(persona_value(v, c.opts()));
  return true;
}

}  // namespace sct
