// What the descriptor table needs to know of fcntl.
#pragma once

#include "core/call.hpp"

namespace sct {

// F_DUPFD and F_DUPFD_CLOEXEC return a copy of the descriptor.
bool fcntl_dups(int cmd);
// The call is an fcntl that returns a copy of its descriptor.
bool fcntl_returns_dup(const DecodedCall& d);

}  // namespace sct
