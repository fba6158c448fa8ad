// Decoding one syscall: the row's hand-written decoder when it has one
// (Custom), the generic decoder driven by its argument types otherwise.
#pragma once

#include "core/call.hpp"

namespace sct {

// A custom decoder is called on entry; it returns true when every argument
// is printed, false to be called again on exit for the rest.
using DecodeFn = bool (*)(Call&);

// The hand-written decoder of a Custom row, or nullptr.
DecodeFn custom_decoder(long nr);

// Runs the syscall's decoder for one phase (entry or exit).
void decode_entry(pid_t pid, DecodedCall& d, Memory& mem, const DecodeOptions& opts);
void decode_exit(pid_t pid, DecodedCall& d, Memory& mem, const DecodeOptions& opts);

}  // namespace sct
