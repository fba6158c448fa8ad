// struct sigevent: how a timer (timer_create) announces its expiry.
#pragma once

#include <cstdint>

#include "core/call.hpp"

namespace sct {

// {sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL}, NULL, or its address.
Value sigevent_at(Call& c, uint64_t addr);

}  // namespace sct
