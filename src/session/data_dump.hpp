// -e read=SET / -e write=SET: which bytes a call moved through a descriptor
// of the set, read from the tracee once the call has returned. The spec's
// roles say which calls move data (RReadsData, RWritesData) and the data
// argument's type says where (a buffer, an iovec array, a msghdr's iovecs).
#pragma once

#include "core/call.hpp"
#include "core/decode_options.hpp"
#include "core/memory.hpp"

namespace sct {

// Fills d.data, after a successful call with a data role on a descriptor
// of the matching set; leaves it empty otherwise. Returns whether a chunk
// holds fewer bytes than the call moved (the engine copied less).
bool collect_data(DecodedCall& d, Memory& mem, const DecodeOptions& o);

}  // namespace sct
