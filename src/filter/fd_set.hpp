// strace's descriptor sets: -e read=, -e write= and --trace-fds= (one
// grammar for all three, as in strace).
#pragma once

#include <string>

#include "core/decode_options.hpp"

namespace sct {

// Descriptor numbers ("1,3"; empty items skipped), or "all" or "none" alone;
// each leading "!" inverts the set. An error message in strace's words
// ("invalid descriptor 'x'") or "".
std::string parse_fd_set(const std::string& expr, FdSet& out);

}  // namespace sct
