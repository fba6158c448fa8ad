// fanotify_init: a notification class field inside the flags word.
#include <sys/fanotify.h>

#include <fmt/format.h>

#include "core/arg_sets.hpp"
#include "syscalls/arg_set_ids.hpp"
#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

// FAN_CLASS_CONTENT|FAN_CLOEXEC, 0xc /* FAN_CLASS_??? */|FAN_NONBLOCK,
// FAN_CLASS_NOTIF|0x10000000 /* FAN_??? */: the class always, then the flags;
// leftover bits carry the comment only when no flag has a name.
bool decode_fanotify_init(Call& c) {
  const uint32_t v = c.uarg(0);
  const uint32_t cls = v & (FAN_CLASS_CONTENT | FAN_CLASS_PRE_CONTENT);
  std::string text;
  // -X raw shows the class and the flags as two numbers (0x4|0x3).
  Flags word;
  word.set = "FanInit";
  word.raw = v;
  if (const char* n = xlat_name(arg_set_table(ArgSet::FanClass), cls)) {
    text = n;
    word.parts.push_back(Sym{n, "FanClass", cls});
  } else {
    std::string unknown(arg_set_info(ArgSet::FanClass).unknown);
    text = fmt::format("{:#x} /* {} */", cls, unknown);
    word.parts.push_back(unknown_commented(Hex{cls}, unknown));
  }
  if (const uint32_t rest = v & ~cls) {
    Flags f = flags_of(arg_set_table(ArgSet::FanInit), rest);
    text += '|';
    text += render_flags_text(f);
    if (f.names.empty()) text += fmt::format(" /* {} */", arg_set_info(ArgSet::FanInit).unknown);
    word.parts.push_back(flags_value(arg_set_table(ArgSet::FanInit), rest,
                                     std::string(arg_set_info(ArgSet::FanInit).unknown).c_str()));
  }
  word.names.push_back(std::move(text));
  c.push(std::move(word));
  c.push(open_flags_value(c.uarg(1)));
  return true;
}

}  // namespace sct
