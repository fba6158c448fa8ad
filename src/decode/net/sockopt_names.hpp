// setsockopt's and getsockopt's option names, per level.
#pragma once

#include <cstdint>

#include "core/value.hpp"

namespace sct {

// SO_REUSEADDR, NETLINK_EXT_ACK, 0x36 /* SO_??? */; a number at a level
// strace does not name the options of.
Value sockopt_name(int level, uint32_t name);

}  // namespace sct
