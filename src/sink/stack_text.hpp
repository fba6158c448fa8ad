// One -k frame as strace 6.1's text writes it, without the " > " that
// starts its line: the text trace's frame lines and the Perfetto slices'
// stack annotation are the same words (docs/stack_traces.md).
#pragma once

#include <string>

#include "core/user_stack.hpp"

namespace sct {

// `at_entry`: the stack was unwound at the call's entry (Event::stack_at_entry),
// which changes how strace writes a frame without a symbol.
void append_frame_text(std::string& out, const StackFrame& f, bool at_entry);

}  // namespace sct
