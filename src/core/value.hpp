// The value tree: what decoders produce and every sink prints.
#pragma once

#include <cstdint>
#include <memory>
#include <type_traits>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace sct {

struct Value;

struct Int { int64_t v; };
struct Uint { uint64_t v; };
struct Hex { uint64_t v; };          // 0x1f; 0 prints as 0
struct Oct { uint64_t v; };          // 0644, 022, 000: a leading 0, at least 3 digits
struct Ptr { uint64_t addr; };       // NULL or 0x7ffd...
// Bytes from the tracee. `truncated` marks a string cut by -s (prints "...").
// A path never obeys -s; `path` records that for renderers that care.
struct Str {
  std::string bytes;
  bool truncated = false;
  bool hex = false;  // always \xNN (random bytes, as strace prints them)
};
// A named constant or any literal text strace prints verbatim (AT_FDCWD,
// S_IFREG|0644, htons(80) is a Call, not a Sym).
struct Sym { std::string name; };
// Flags: the names of the set bits, then an unknown residue printed in hex.
struct Flags {
  std::vector<std::string> names;
  uint64_t residue = 0;
  bool zero_name_none = false;  // no bits and no name for 0: prints "0"
};
struct Field;
struct Struct {
  std::vector<Field> fields;
  bool elided = false;  // "..." at the end (abbreviated without -v)
};
struct Array {
  std::vector<Value> items;
  bool elided = false;  // "..." after the items
  bool bits = false;    // a set: [INT TERM] with spaces, not commas
  bool negated = false; // ~[...]
};
struct Fd {
  int64_t fd;
  std::string path;  // empty when unknown or -y is off
};
// A value followed by a C comment: 0x7ffd /* 20 vars */.
struct Commented;
// A value whose entry and exit differ: [a => b].
struct Changed;
// name(args...): htons(80), inet_addr("127.0.0.1"), makedev(0x8, 0x1).
struct Fn;
// Text printed exactly as is (a last resort for odd formats: WIFEXITED(s) && ...).
struct Raw { std::string text; };

// An argument printed with its name: child_stack=NULL (clone).
struct Named;

using ValueVariant = std::variant<Int, Uint, Hex, Oct, Ptr, Str, Sym, Flags, Struct, Array, Fd,
                                  std::shared_ptr<Commented>, std::shared_ptr<Changed>,
                                  std::shared_ptr<Fn>, std::shared_ptr<Named>, Raw>;

struct Value {
  ValueVariant v;
  Value() : v(Raw{""}) {}
  template <class T>
    requires(!std::is_same_v<std::decay_t<T>, Value>)
  Value(T x) : v(std::move(x)) {}  // NOLINT: implicit by design
};

struct Field {
  std::string name;  // empty: positional (no "name=")
  Value value;
};
struct Commented {
  Value value;
  std::string comment;
};
struct Changed {
  Value before, after;
};
struct Fn {
  std::string name;
  std::vector<Value> args;
};
struct Named {
  std::string name;
  Value value;
};

inline Value commented(Value v, std::string c) {
  return std::make_shared<Commented>(Commented{std::move(v), std::move(c)});
}
inline Value changed(Value a, Value b) {
  return std::make_shared<Changed>(Changed{std::move(a), std::move(b)});
}
inline Value fn(std::string name, std::vector<Value> args) {
  return std::make_shared<Fn>(Fn{std::move(name), std::move(args)});
}
inline Value named(std::string name, Value v) {
  return std::make_shared<Named>(Named{std::move(name), std::move(v)});
}

}  // namespace sct
