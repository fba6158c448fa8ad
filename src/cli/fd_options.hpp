// The descriptor options: --decode-fds=SET (-y, -yy) and -e read=SET /
// -e write=SET, with strace 6.1's syntax and messages.
#pragma once

#include <string>

#include "core/decode_options.hpp"

namespace sct {

// "path,socket,dev,pidfd" (any case), "all" or "none", "!" before any of
// them for the rest; an error message ("invalid decode-fds 'x'") or "".
std::string parse_decode_fds(const std::string& v, unsigned& out);
// Descriptor numbers, "all" or "none", "!" before any of them for the
// rest; an error message ("invalid descriptor 'x'") or "".
std::string parse_fd_set(const std::string& v, FdSet& out);

}  // namespace sct
