// Renders the value tree in strace's text format.
#pragma once

#include <string>
#include <string_view>

#include "core/decode_options.hpp"
#include "core/value.hpp"

namespace sct {

// Quotes bytes as strace does: C escapes, octal for the rest (-x, -xx: hex).
void quote_string(std::string& out, std::string_view bytes, int xflag);
void render_value(std::string& out, const Value& v, const DecodeOptions& opts);
std::string render_value(const Value& v, const DecodeOptions& opts);

}  // namespace sct
