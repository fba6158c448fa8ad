// Constant tables and the two ways strace prints them: as flags (names of
// set bits joined by '|', unknown bits in hex) and as one symbol.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "core/value.hpp"

namespace sct {

struct XlatEntry {
  uint64_t val;
  const char* name;
};
// A table of one set, with the set's name (what a Sym or Flags value says it
// belongs to). XSET(kCloneFlags) names it after its table: "CloneFlags".
struct Xlat {
  std::span<const XlatEntry> entries;
  std::string_view name;

  constexpr Xlat() = default;
  constexpr Xlat(std::span<const XlatEntry> e, std::string_view n = {}) : entries(e), name(n) {}
  template <size_t N>
  constexpr Xlat(const XlatEntry (&a)[N], std::string_view n = {}) : entries(a), name(n) {}  // NOLINT
  constexpr auto begin() const { return entries.begin(); }
  constexpr auto end() const { return entries.end(); }
  constexpr size_t size() const { return entries.size(); }
  constexpr bool empty() const { return entries.empty(); }
  constexpr Xlat subspan(size_t off) const { return {entries.subspan(off), name}; }
};
#define XSET(t) ::sct::Xlat((t), std::string_view(#t).substr(1))

#define XLAT(c) ::sct::XlatEntry{static_cast<uint64_t>(c), #c}
#define XLAT_PAIR(v, n) ::sct::XlatEntry{static_cast<uint64_t>(v), n}

// The name whose value is exactly v, or nullptr.
const char* xlat_name(Xlat t, uint64_t v);

// Flags: entries are tried in table order; an entry matches when all its
// bits are set, and its bits are then consumed. Leftover bits print as hex.
// 0 prints as the table's zero entry if it has one, else "0".
Flags flags_of(Xlat t, uint64_t v);

// Flags; when no bit has a name, the hex value and /* comment */ ("LOCK_???"),
// as strace prints a wholly unknown value.
Value flags_value(Xlat t, uint64_t v, const char* comment);

// "A|B|0x40": the text of a Flags value.
std::string render_flags_text(const Flags& f);
// A constant of set t: its name when t has one for v, else empty.
Sym sym_of(Xlat t, int64_t v);

// One symbol; an unknown value prints as hex followed by /* comment */
// (e.g. "ARCH_???"), or as plain decimal when `comment` is null.
Value xlat_value(Xlat t, uint64_t v, const char* comment);
// Same, unknown values printed in decimal with the comment.
Value xlat_value_dec(Xlat t, int64_t v, const char* comment);

// The signal's name: SIGINT, SIGRTMIN, SIGRT_3; nullptr when out of range.
std::string signal_name(int sig);
// Signal number argument: SIGTERM, or the bare number when unknown.
Value signal_value(int64_t sig);
// errno name (ENOENT) and message, for 1..4095; nullptr when unknown.
const char* errno_name(int err);
std::string errno_message(int err);

// Shared tables.
extern const Xlat kOpenAccessModes;
extern const Xlat kOpenFlags;
extern const Xlat kAtFlags;
extern const Xlat kClockIds;

// O_RDONLY|O_CLOEXEC: the access mode always, then the flags.
Value open_flags_value(uint64_t v);

}  // namespace sct
