// strace's dump of the data a call moved (-e read=, -e write=): 16 bytes a
// line, offset, hex in two groups of eight, then the bytes as ASCII; an
// iovec's dump is headed " * N bytes in buffer I". A chunk the engine could
// not copy whole ends with a marker line saying how much is missing.
#pragma once

#include <string>

#include "core/call.hpp"

namespace sct {

// Appends the lines of one chunk (each ending in '\n').
void append_data_dump(std::string& out, const DataChunk& c);

}  // namespace sct
