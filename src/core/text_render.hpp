// Renders the value tree in strace's text format.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/decode_options.hpp"
#include "core/value.hpp"

namespace sct {

// Quotes bytes as strace does: C escapes, octal for the rest (-x, -xx: hex).
void quote_string(std::string& out, std::string_view bytes, int xflag);
void render_value(std::string& out, const Value& v, const DecodeOptions& opts);
// The local date strace puts after a time in seconds: 2024-01-02T03:04:05+0000,
// with .nnnnnnnnn before the zone when nsec is not 0.
std::string date_text(int64_t sec, int64_t nsec);
// The same with a fraction of `digits` digits (6 for microseconds).
std::string date_text(int64_t sec, int64_t frac, int digits);
std::string render_value(const Value& v, const DecodeOptions& opts);

}  // namespace sct
