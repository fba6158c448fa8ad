// struct msghdr, shared by sendmsg/recvmsg (socket.cpp) and
// sendmmsg/recvmmsg (mmsg.cpp).
#pragma once

#include <sys/socket.h>

#include <cstdint>
#include <optional>

#include "core/call.hpp"
#include "core/value.hpp"

namespace sct {

// {msg_name=..., msg_namelen=..., msg_iov=[...], msg_iovlen=1, msg_control=[...],
// msg_controllen=24, msg_flags=0}: `data_len` bytes of iovec data in all;
// `namelen_before` is recvmsg's msg_namelen at entry, shown "64 => 16".
Value msghdr_value(Call& c, const msghdr& m, uint64_t data_len, std::optional<uint32_t> namelen_before);

// MSG_DONTWAIT|MSG_NOSIGNAL, or the hex value with /* MSG_??? */.
Value msg_flags_value(uint32_t flags);

}  // namespace sct
