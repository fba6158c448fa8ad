#include "sink/stack_text.hpp"

#include <fmt/format.h>

namespace sct {

// strace 6.1's frame: "FILE(SYMBOL+0xOFF) [0xADDR]"; where the file has no
// function symbol, "FILE() [0xADDR]", or "FILE(+0x0) [0xADDR]" in a stack
// unwound at entry (execve, exit, exit_group: strace keeps those as text
// made another way); "unexpected_backtracing_error [0xPC]" where no file is
// mapped. -kk adds the source.
void append_frame_text(std::string& out, const StackFrame& f, bool at_entry) {
  if (f.module.empty()) {
    fmt::format_to(std::back_inserter(out), "unexpected_backtracing_error [{:#x}]", f.address);
  } else if (f.symbol.empty() && !at_entry) {
    fmt::format_to(std::back_inserter(out), "{}() [{:#x}]", f.module, f.address);
  } else {
    fmt::format_to(std::back_inserter(out), "{}({}+{:#x}) [{:#x}]", f.module, f.symbol, f.offset, f.address);
  }
  if (!f.source.empty()) fmt::format_to(std::back_inserter(out), " {}:{}", f.source, f.line);
}

}  // namespace sct
