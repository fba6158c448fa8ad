// -e read=SET / -e write=SET's data as JSON: what the text trace dumps in
// hex and ASCII, as bytes a program can use (docs/json.md, "Data").
// The session collected the chunks (session/data_dump.hpp); this only
// writes them.
#pragma once

#include <string>

#include "core/call.hpp"

namespace sct {

// --json: {"fd", "direction", "truncated", "buffers": [{"hex", "len",
// "moved", "truncated"} (+ "iov", "msg")]}. Call only when d.data is not empty.
void json_dump(std::string& out, const DecodedCall& d);

// --perfetto: the same without the bytes, {"fd", "direction", "moved",
// "captured", "truncated"}: a slice's arguments are for reading, not for
// carrying megabytes.
void json_dump_counts(std::string& out, const DecodedCall& d);

}  // namespace sct
