// The value tree: what decoders produce and every sink prints.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
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
// Bytes from the tracee: all that the decoder read. `truncated`: the tracee
// had more than was read (the string went on, or had no NUL in reach). The
// text renderer cuts to -s itself, except for a `whole` string: a path, or
// a name the kernel bounds itself (d_name, sun_path, uname's fields).
struct Str {
  std::string bytes;
  bool truncated = false;
  bool hex = false;    // always \xNN (random bytes, as strace prints them)
  bool whole = false;  // shown whole whatever -s says
};
inline Str whole_str(std::string bytes) { return Str{std::move(bytes), false, false, true}; }
// How a constant's number prints when -X raw or -X verbose shows it: as
// strace prints that kind of constant (hex for most, decimal for signals).
// Auto: hex when the Sym names its set, else it is text (Text: always).
enum class NumBase : uint8_t { Auto, Hex, Dec, Udec, Text };
// A named constant: its set (an arg_sets.def id, or the table a decoder
// names), its numeric value and its name (AT_FDCWD, SIGTERM, F_GETFL).
// Without a set (and a base) it is text that only looks like a name
// (&sin6_addr): -X leaves it alone.
struct Sym {
  std::string name;
  std::string_view set = {};
  int64_t value = 0;
  NumBase base = NumBase::Auto;
};
// Flags: the set, the raw value, the names of the set bits (in the order
// strace prints them), then what no name covers (printed in hex).
struct Flags {
  std::vector<std::string> names;
  uint64_t residue = 0;
  std::string_view set = {};
  uint64_t raw = 0;
  // A word of fields strace shows numerically part by part, joined by '|'
  // (clone's flags and exit signal: 0x1200000|17): the parts under -X raw
  // and -X verbose; empty, the whole `raw` word.
  std::vector<Value> parts;
};
// A status wait4 stored: shown with the W* macros.
struct WaitStatus { int status; };
// A mode stty prints by name when set and with a '-' when clear (opost, -echo).
struct Toggle {
  std::string_view name;
  bool on;
};
// A time in seconds since the epoch (and nanoseconds): the text shows the
// seconds and the local date in a comment.
struct Time {
  int64_t sec;
  int64_t nsec = 0;
};
// A device number: makedev(0x8, 0x1).
struct Dev { uint64_t dev; };
// A file mode: its type (S_IFREG), set-id bits and permissions (S_IFREG|0644).
struct FileMode { uint64_t mode; };
struct Field;
struct Struct {
  std::vector<Field> fields;
  bool elided = false;  // "..." at the end: members the decoder did not read
  bool spaced = false;  // stty's notation: {B38400 opost isig ...}
};
// What a call reports beside its return value, as labelled parts: poll's
// ready descriptors and time left, select's sets, fcntl's flags.
struct Outcome { std::vector<Field> fields; };
struct Array {
  std::vector<Value> items;
  bool elided = false;  // "..." after the items
  bool bits = false;    // a set: [INT TERM] with spaces, not commas
  bool negated = false; // ~[...]
};
struct Fd {
  int64_t fd;
  std::string path;  // empty when unknown or -y is off
  std::string_view name = {};  // a special descriptor's name: AT_FDCWD
};
// A process or thread id under -Y / --decode-pids: 1234<comm>, and
// 2<comm> /* 1234 in strace's PID NS */ for a tracee in another pid
// namespace. Without those options pids are plain Ints.
struct Pid {
  int64_t pid;
  std::string comm;   // empty when not asked or not known
  int64_t outer = 0;  // the id in sctrace's namespace when it differs, else 0
};
// A value followed by a C comment: 0x7ffd /* 20 vars */.
struct Commented;
// A value whose entry and exit differ: [a => b].
struct Changed;
// name(args...): htons(80), inet_addr("127.0.0.1"), makedev(0x8, 0x1).
struct Fn;
// An argument printed with its name: child_stack=NULL (clone).
struct Named;

using ValueVariant = std::variant<Int, Uint, Hex, Oct, Ptr, Str, Sym, Flags, Struct, Array, Fd, Pid,
                                  WaitStatus, Toggle, FileMode, Time, Dev, Outcome,
                                  std::shared_ptr<Commented>, std::shared_ptr<Changed>,
                                  std::shared_ptr<Fn>, std::shared_ptr<Named>>;

struct Value {
  ValueVariant v;
  Value() : v(Int{0}) {}
  template <class T>
    requires(!std::is_same_v<std::decay_t<T>, Value>)
  Value(T x) : v(std::move(x)) {}  // NOLINT: implicit by design
};

struct Field {
  std::string name;  // empty: positional (no "name=")
  Value value;
  // A member strace shows only with -v: without it the text renderer leaves
  // it out and ends the struct with "...". JSON always has it.
  bool detail = false;
};
struct Commented {
  Value value;
  std::string comment;
  // The comment names what the value is not ("LOCK_???"): -X raw drops it.
  bool unknown = false;
  // The comment is the value's name (UTIME_NOW for a struct timespec): shown
  // alone without -X, dropped by -X raw, after the value with -X verbose.
  bool names = false;
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
// A value no name of its set covers, with the set's "???" comment.
inline Value unknown_commented(Value v, std::string c) {
  return std::make_shared<Commented>(Commented{std::move(v), std::move(c), true});
}
// A value strace shows by a name unless -X asks for numbers: utimensat's
// [UTIME_NOW, ...] is [{tv_sec=0, tv_nsec=1073741823} /* UTIME_NOW */, ...].
inline Value name_of(Value v, std::string name) {
  return std::make_shared<Commented>(Commented{std::move(v), std::move(name), false, true});
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
