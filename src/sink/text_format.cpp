#include "sink/text_format.hpp"

#include <fmt/format.h>

#include "core/text_render.hpp"
#include "core/tampering.hpp"
#include "core/xlat.hpp"

namespace sct {

std::string call_name(const DecodedCall& d) {
  if (d.info) return std::string(d.info->name);
  return fmt::format("syscall_{:#x}", static_cast<unsigned long>(d.nr));
}

namespace {

// A number the row takes as a plain input (clone3's size): when one waits for
// the exit, it waits for the argument before it to be completed there.
bool plain_number(ArgT t) {
  return t == ArgT::Int || t == ArgT::Uint || t == ArgT::Long || t == ArgT::Ulong;
}

// Where the ", " between the entry part and the exit part of a split line
// goes. At the end of the entry part ("read(3, <unfinished ...>") when more
// arguments follow, except: after an argument shown by name (clone's
// child_stack=, flags=: the named ones after it appear only with some flags,
// each with its own separator), and before an input number left for the exit
// (clone3's size: the struct before it may gain " => {...}" there).
bool sep_at_entry(const DecodedCall& d) {
  size_t k = d.entry_values;
  if (!d.exit_pending || k == 0 || k >= d.arity) return false;
  if (std::holds_alternative<std::shared_ptr<Named>>(d.values[k - 1].v)) return false;
  if (d.info && k < d.info->args.size() && plain_number(d.info->args[k])) return false;
  return true;
}

}  // namespace

// -e raw=: every argument the row counts, as the register holds it, at entry.
std::string raw_args_text(const DecodedCall& d) {
  std::string t;
  const int n = d.info ? d.info->nargs : 6;
  for (int i = 0; i < n; ++i) {
    if (i) t += ", ";
    if (d.args[i]) fmt::format_to(std::back_inserter(t), "{:#x}", d.args[i]);
    else t += '0';
  }
  return t;
}

// Argument i, after its name under --arg-names ("flags=O_RDONLY"; one shown
// by name already, clone's flags=, keeps its one name).
void render_argument(std::string& t, const DecodedCall& d, size_t i, const Value& v, const DecodeOptions& o) {
  if (o.arg_names && !std::holds_alternative<std::shared_ptr<Named>>(d.values[i].v)) {
    if (std::string_view name = argument_name(d, i); !name.empty()) {
      t += name;
      t += '=';
    }
  }
  render_value(t, v, o);
}

std::string call_entry_text(const DecodedCall& d, const DecodeOptions& o) {
  std::string t = call_name(d);
  t += '(';
  if (o.raw) return t + raw_args_text(d);
  for (size_t i = 0; i < d.entry_values; ++i) {
    if (i) t += ", ";
    // What the argument was at entry; the exit part shows what it became.
    const Value& v = d.values[i];
    if (auto* c = std::get_if<std::shared_ptr<Changed>>(&v.v)) render_argument(t, d, i, (*c)->before, o);
    else render_argument(t, d, i, v, o);
  }
  if (sep_at_entry(d)) t += ", ";
  return t;
}

std::string call_exit_text(const DecodedCall& d, const DecodeOptions& o) {
  if (o.raw) return ")";
  std::string t;
  const size_t k = d.entry_values;
  // An argument shown at entry that the kernel changed: " => after" (clone3).
  for (size_t i = 0; i < k && i < d.values.size(); ++i) {
    if (auto* c = std::get_if<std::shared_ptr<Changed>>(&d.values[i].v)) {
      t += " => ";
      render_value(t, (*c)->after, o);
    }
  }
  const bool sep_before_first = k > 0 && !sep_at_entry(d);
  for (size_t i = k; i < d.values.size(); ++i) {
    if (i > k || sep_before_first) t += ", ";
    render_argument(t, d, i, d.values[i], o);
  }
  t += ')';
  return t;
}

std::string call_ret_text(const DecodedCall& d, const DecodeOptions& o) {
  std::string t;
  if (o.raw && !call_failed(d) && !(d.info && d.info->ret == Ret::None)) {
    // -e raw=: the return value undecoded, in hex, with nothing after it.
    if (d.ret) return fmt::format("{:#x}", static_cast<uint64_t>(d.ret));
    return "0";
  }
  if (d.ret_value) {
    render_value(t, *d.ret_value, o);
  } else if (call_failed(d)) {
    int err = static_cast<int>(-d.ret);
    const char* name = errno_name(err);
    // Restart codes never reach the tracee: strace shows them with "?".
    bool restart = err >= 512 && err <= 516;
    t = restart ? "? " : "-1 ";
    // An errno strace has no name for (an injected error=4000, say).
    if (name) t += fmt::format("{} ({})", name, errno_message(err));
    else t += fmt::format("(errno {})", err);
  } else {
    Ret k = d.info ? d.info->ret : Ret::Int;
    switch (k) {
      // A value that is not an error prints unsigned, as strace prints it:
      // an injected retval=-1 is 18446744073709551615 (descriptors and
      // pids below stay signed, as in strace).
      case Ret::Int:
      case Ret::Time:
      case Ret::Uint: t = fmt::format("{}", static_cast<uint64_t>(d.ret)); break;
      case Ret::Hex: render_value(t, Hex{static_cast<uint64_t>(d.ret)}, o); break;
      case Ret::Oct: render_value(t, Oct{static_cast<uint64_t>(d.ret)}, o); break;
      case Ret::None: t = "?"; break;
      case Ret::Fd:
      case Ret::Pid:
      case Ret::Pgid: t = fmt::format("{}", d.ret); break;
    }
  }
  if (d.ret_aux) {
    t += " (";
    render_value(t, *d.ret_aux, o);
    t += ')';
  }
  return t;
}

std::string tamper_marks(const DecodedCall& d) {
  std::string t;
  const bool ret = d.tampered & kTamperedReturn, args = d.tampered & kTamperedArgs;
  if (ret && args) t = " (INJECTED: args, retval)";
  else if (args) t = " (INJECTED: args)";
  else if (ret) t = " (INJECTED)";
  if (d.tampered & kTamperDelayed) t += " (DELAYED)";
  return t;
}

std::string call_line(const DecodedCall& d, const DecodeOptions& o, int align) {
  std::string line = call_entry_text(d, o) + call_exit_text(d, o);
  if (line.size() < static_cast<size_t>(align)) line.append(align - line.size(), ' ');
  else line += ' ';
  return line + "= " + call_ret_text(d, o);
}

}  // namespace sct
