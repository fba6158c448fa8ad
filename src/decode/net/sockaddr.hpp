#pragma once

#include <cstdint>

#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

extern const Xlat kAddressFamilies;
// {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}
Value sockaddr_at(Call& c, uint64_t addr, int64_t len);

}  // namespace sct
