// The pieces of a syscall line in strace's format, shared by the text sink
// and the decoder tests.
#pragma once

#include <string>

#include "core/call.hpp"
#include "core/decode_options.hpp"

namespace sct {

// "read" or, for numbers the table lacks, "syscall_0x1c8".
std::string call_name(const DecodedCall& d);
// "read(3, " : what is printed at entry.
std::string call_entry_text(const DecodedCall& d, const DecodeOptions& o);
// "\"data\", 10)" : what is printed at exit.
std::string call_exit_text(const DecodedCall& d, const DecodeOptions& o);
// "-1 ENOENT (No such file or directory)", "0x55d0c000", "3 (in [3])".
std::string call_ret_text(const DecodedCall& d, const DecodeOptions& o);
// What -e inject= did, after the return value: " (INJECTED)", " (INJECTED:
// args)", " (INJECTED: args, retval)", " (DELAYED)"; empty when nothing.
std::string tamper_marks(const DecodedCall& d);
// The whole line without prefix and newline, "= " at column `align`.
std::string call_line(const DecodedCall& d, const DecodeOptions& o, int align = 40);

}  // namespace sct
