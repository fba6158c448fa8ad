// Colour for the text trace on a terminal (--color): syscall names, string
// literals, errors, signals and exits stand out. Applied to finished pieces of
// text, after alignment is computed on the plain text, so that the columns
// and every character but the escape codes stay as strace prints them.
#pragma once

#include <string>
#include <string_view>


namespace sct {

// --color=auto, always, never.
enum class ColorMode { Auto, Always, Never };

namespace colour {
inline constexpr const char* kName = "\033[1;36m";
inline constexpr const char* kString = "\033[32m";
inline constexpr const char* kError = "\033[1;31m";
inline constexpr const char* kSignal = "\033[33m";
inline constexpr const char* kExit = "\033[1m";
inline constexpr const char* kReset = "\033[0m";
}  // namespace colour

// Whether to colour: --color=always/never decide; auto colours only a
// terminal, and not when NO_COLOR is set (no-color.org) or TERM is dumb.
bool use_colour(ColorMode mode, bool terminal);

// Wraps each "..." literal in the string colour.
std::string colour_strings(std::string_view text);
// "name(args" or "<... name resumed>args": the name coloured, then the
// strings; text that does not start with the call (a line's second half)
// gets its strings coloured only.
std::string colour_call(std::string_view text, std::string_view name);
std::string paint(const char* colour, std::string_view text);

}  // namespace sct
