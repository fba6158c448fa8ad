// Parsers of strace's -e expressions. Each returns an error message in
// strace's words ("invalid system call 'foo'"), or an empty string.
#pragma once

#include <bitset>
#include <string>

#include "filter/filter_options.hpp"

namespace sct {

std::string parse_trace_set(const std::string& expr, SyscallSet& out);
std::string parse_status_set(const std::string& expr, unsigned& out);
std::string parse_signal_set(const std::string& expr, std::bitset<65>& out);
std::string parse_quiet_set(const std::string& expr, unsigned& out);

// Whether strace follows this error with "Try '... -h' for more information."
// (a bad personality designator, as in `read@x64`).
bool wants_usage_hint(const std::string& err);

}  // namespace sct
