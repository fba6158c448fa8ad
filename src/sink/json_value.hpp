// The value tree as JSON: the structured view that --json and --perfetto
// share. The mapping is the schema's (docs/json.md), so change both together.
#pragma once

#include <string>
#include <string_view>

#include "core/value.hpp"

namespace sct {

// A JSON string literal. Bytes that are not UTF-8 become U+FFFD; callers that
// must keep them exact add the bytes in hex beside it (see json_value).
void json_string(std::string& out, std::string_view bytes);
void json_value(std::string& out, const Value& v);
std::string json_value(const Value& v);

}  // namespace sct
