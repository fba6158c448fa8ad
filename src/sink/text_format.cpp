#include "sink/text_format.hpp"

#include <fmt/format.h>

#include "core/text_render.hpp"
#include "core/xlat.hpp"

namespace sct {

std::string call_name(const DecodedCall& d) {
  if (d.info) return std::string(d.info->name);
  return fmt::format("syscall_{:#x}", static_cast<unsigned long>(d.nr));
}

std::string call_entry_text(const DecodedCall& d, const DecodeOptions& o) {
  std::string t = call_name(d);
  t += '(';
  for (size_t i = 0; i < d.entry_values; ++i) {
    if (i) t += ", ";
    render_value(t, d.values[i], o);
  }
  if (!d.complete_at_entry && !d.args_done && d.entry_values && !d.sep_at_exit && !d.exit_glued)
    t += ", ";
  return t;
}

std::string call_exit_text(const DecodedCall& d, const DecodeOptions& o) {
  std::string t;
  for (size_t i = d.entry_values; i < d.values.size(); ++i) {
    if (i > d.entry_values || (d.sep_at_exit && !d.exit_glued)) t += ", ";
    render_value(t, d.values[i], o);
  }
  t += ')';
  return t;
}

std::string call_ret_text(const DecodedCall& d, const DecodeOptions& o) {
  std::string t;
  if (d.ret_value) {
    render_value(t, *d.ret_value, o);
  } else if (call_failed(d)) {
    int err = static_cast<int>(-d.ret);
    const char* name = errno_name(err);
    // Restart codes never reach the tracee: strace shows them with "?".
    bool restart = err >= 512 && err <= 516;
    t = restart ? "? " : "-1 ";
    if (name) t += name;
    else t += fmt::format("E??? /* errno {} */", err);
    t += " (" + errno_message(err) + ")";
  } else {
    Ret k = d.info ? d.info->ret : Ret::Int;
    switch (k) {
      case Ret::Int: t = fmt::format("{}", d.ret); break;
      case Ret::Uint: t = fmt::format("{}", static_cast<uint64_t>(d.ret)); break;
      case Ret::Hex: render_value(t, Hex{static_cast<uint64_t>(d.ret)}, o); break;
      case Ret::Oct: render_value(t, Oct{static_cast<uint64_t>(d.ret)}, o); break;
      case Ret::None: t = "?"; break;
      case Ret::Fd: t = fmt::format("{}", d.ret); break;
    }
  }
  if (d.ret_aux) {
    t += " (";
    render_value(t, *d.ret_aux, o);
    t += ')';
  }
  return t;
}

std::string call_line(const DecodedCall& d, const DecodeOptions& o, int align) {
  std::string line = call_entry_text(d, o) + call_exit_text(d, o);
  if (line.size() < static_cast<size_t>(align)) line.append(align - line.size(), ' ');
  else line += ' ';
  return line + "= " + call_ret_text(d, o);
}

}  // namespace sct
