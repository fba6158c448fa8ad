// --decode-fds=SET (-y, -yy), with strace 6.1's syntax and messages. The
// descriptor sets of -e read=/write= and --trace-fds= are filter/fd_set.hpp's.
#pragma once

#include <string>

#include "core/decode_options.hpp"

namespace sct {

// "path,socket,dev,pidfd" (any case), "all" or "none", "!" before any of
// them for the rest; an error message ("invalid decode-fds 'x'") or "".
std::string parse_decode_fds(const std::string& v, unsigned& out);

}  // namespace sct
