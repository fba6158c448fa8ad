#pragma once

#include <string>

#include "cli/options.hpp"

namespace sct {

// "sctrace: MSG" and "Try 'sctrace -h' ...", as strace words usage errors.
ParseResult usage_error(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
void usage_error_noexit(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
// An option of strace's that sctrace does not implement yet.
ParseResult not_supported(const std::string& opt);
// "sctrace: MSG" alone: errors that are not about usage.
void error_msg(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
void print_help();
void print_version();

}  // namespace sct
