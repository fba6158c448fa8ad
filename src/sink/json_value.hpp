// The value tree as JSON: the structured view that --json and --perfetto
// share. The mapping is the schema's (docs/json.md), so change both together.
#pragma once

#include <string>
#include <string_view>

#include "core/call.hpp"
#include "core/value.hpp"

namespace sct {

// A JSON string literal. Bytes that are not UTF-8 become U+FFFD; callers that
// must keep them exact add the bytes in hex beside it (see json_value).
void json_string(std::string& out, std::string_view bytes);
// The exact bytes as a string of two lower-case hex digits each.
void json_hex(std::string& out, std::string_view bytes);
void json_value(std::string& out, const Value& v);
std::string json_value(const Value& v);
// A call's arguments as one object, each under its name (schema 2): what
// --json and --perfetto both write.
void json_args(std::string& out, const DecodedCall& d);

}  // namespace sct
