#include "syscalls/arg_set_ids.hpp"
#include "syscalls/struct_ids.hpp"
#include "syscalls/syscall_table.hpp"

#include <asm/unistd_64.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>

namespace sct {

namespace {

#define SC(nr, name, nargs, classes, ret, dec, ...)                                   \
  SyscallInfo{nr, #name, nargs, classes, Ret::ret, Dec::dec, {__VA_OPT__(SC_ARGS(__VA_ARGS__))}, \
              Proto::None, {}, 0, {}},  // prototype: kArgs below
#define SC_ARGS(...) SC_MAP(__VA_ARGS__)
// Prefix each argument type with ArgT:: (up to six).
#define SC_MAP(...) SC_PICK(__VA_ARGS__, SC_M6, SC_M5, SC_M4, SC_M3, SC_M2, SC_M1)(__VA_ARGS__)
#define SC_PICK(_1, _2, _3, _4, _5, _6, N, ...) N
#define SC_M1(a) ArgT::a
#define SC_M2(a, ...) ArgT::a, SC_M1(__VA_ARGS__)
#define SC_M3(a, ...) ArgT::a, SC_M2(__VA_ARGS__)
#define SC_M4(a, ...) ArgT::a, SC_M3(__VA_ARGS__)
#define SC_M5(a, ...) ArgT::a, SC_M4(__VA_ARGS__)
#define SC_M6(a, ...) ArgT::a, SC_M5(__VA_ARGS__)

constexpr SyscallInfo kRows[] = {
#include "syscalls/x86_64.def"
};
#undef SC

// The kernel's prototypes, one row per row of x86_64.def, in the same order.
struct ArgsRow {
  std::string_view name;
  Proto proto;
  std::string_view source;
  std::array<KernelArg, 6> args;
};
#define KARG(ctype, argname) KernelArg{argname, classify_ctype(ctype)}
#define KARG_EACH(pair) KARG pair
#define KA_MAP(...) SC_PICK(__VA_ARGS__, KA6, KA5, KA4, KA3, KA2, KA1)(__VA_ARGS__)
#define KA1(a) KARG_EACH(a)
#define KA2(a, ...) KARG_EACH(a), KA1(__VA_ARGS__)
#define KA3(a, ...) KARG_EACH(a), KA2(__VA_ARGS__)
#define KA4(a, ...) KARG_EACH(a), KA3(__VA_ARGS__)
#define KA5(a, ...) KARG_EACH(a), KA4(__VA_ARGS__)
#define KA6(a, ...) KARG_EACH(a), KA5(__VA_ARGS__)
#define ARGS(name, event, ...) ArgsRow{#name, Proto::Event, event, {__VA_OPT__(KA_MAP(__VA_ARGS__))}},
#define ARGS_DOC(name, why, ...) ArgsRow{#name, Proto::Doc, why, {__VA_OPT__(KA_MAP(__VA_ARGS__))}},
#define ARGS_NI(name, why) ArgsRow{#name, Proto::None, why, {}},
constexpr ArgsRow kArgs[] = {
#include "syscalls/x86_64_args.def"
};
#undef ARGS
#undef ARGS_DOC
#undef ARGS_NI

static_assert(std::size(kArgs) == std::size(kRows),
              "x86_64_args.def needs one row per row of x86_64.def: run tools/gen_syscall_args.py");

constexpr bool args_rows_line_up() {
  for (size_t i = 0; i < std::size(kRows); ++i)
    if (kArgs[i].name != kRows[i].name) return false;
  return true;
}
static_assert(args_rows_line_up(), "x86_64_args.def rows must match x86_64.def's, in order");

constexpr bool every_ctype_known() {
  for (const ArgsRow& r : kArgs)
    for (const KernelArg& a : r.args)
      if (!a.name.empty() && !a.type.known) return false;
  return true;
}
static_assert(every_ctype_known(),
              "a C type of x86_64_args.def is not in ctype.hpp (ctype_test names it)");

// Which argument takes which set (arg_sets.def).
struct ArgSetRow {
  std::string_view name;
  int arg;
  ArgSet set;
};
constexpr ArgSetRow kArgSetRows[] = {
#define SET(...)
#define ARG_SET(name, i, id) ArgSetRow{#name, i, ArgSet::id},
#include "syscalls/arg_sets.def"
#undef SET
#undef ARG_SET
};

// Which argument points at which struct, and which way (structs.def).
struct ArgStructRow {
  std::string_view name;
  int arg;
  Dir dir;
  StructId id;
  int8_t count;
};
constexpr int8_t kCountArg0 = 0, kCountArg1 = 1, kCountArg2 = 2, kCountArg3 = 3, kCountArg4 = 4,
                 kCountArg5 = 5, kCountFixed2 = kCountFixed + 2;
constexpr ArgStructRow kArgStructRows[] = {
#define STRUCT(...)
#define BOX(...)
#define ARG_STRUCT(name, i, dir, id) ArgStructRow{#name, i, Dir::dir, StructId::id, kCountNone},
#define ARG_ARRAY(name, i, dir, id, count) ArgStructRow{#name, i, Dir::dir, StructId::id, kCount##count},
#include "syscalls/structs.def"
#undef STRUCT
#undef BOX
#undef ARG_STRUCT
#undef ARG_ARRAY
};

constexpr auto kTable = [] {
  std::array<SyscallInfo, std::size(kRows)> t{};
  for (size_t i = 0; i < t.size(); ++i) {
    t[i] = kRows[i];
    t[i].proto = kArgs[i].proto;
    t[i].proto_source = kArgs[i].source;
    t[i].kargs = kArgs[i].args;
    uint8_t n = 0;
    while (n < 6 && !kArgs[i].args[n].name.empty()) ++n;
    t[i].kernel_nargs = n;
    for (const ArgSetRow& r : kArgSetRows)
      if (r.name == t[i].name && r.arg >= 0 && r.arg < 6) t[i].sets[static_cast<size_t>(r.arg)] = r.set;
    for (const ArgStructRow& r : kArgStructRows) {
      if (r.name != t[i].name || r.arg < 0 || r.arg >= 6) continue;
      t[i].structs[static_cast<size_t>(r.arg)] = r.id;
      t[i].dirs[static_cast<size_t>(r.arg)] = r.dir;
      t[i].counts[static_cast<size_t>(r.arg)] = r.count;
    }
  }
  return t;
}();

// Every Set argument has a set, and every ARG_SET line names a Set argument.
constexpr bool arg_sets_line_up() {
  for (const SyscallInfo& s : kTable)
    for (size_t i = 0; i < 6; ++i)
      if ((i < s.nargs && s.args[i] == ArgT::Set) != (s.sets[i] != ArgSet::None)) return false;
  for (const ArgSetRow& r : kArgSetRows) {
    bool found = false;
    for (const SyscallInfo& s : kTable) found = found || (s.name == r.name && r.arg < s.nargs);
    if (!found) return false;
  }
  return true;
}
static_assert(arg_sets_line_up(),
              "arg_sets.def: each Set argument of x86_64.def needs exactly one ARG_SET line");

// Every Struct argument has one struct, and every ARG_STRUCT line names one.
constexpr bool arg_structs_line_up() {
  for (const SyscallInfo& s : kTable)
    for (size_t i = 0; i < 6; ++i)
      if ((i < s.nargs && s.args[i] == ArgT::Struct) != (s.structs[i] != StructId::None)) return false;
  for (const ArgStructRow& r : kArgStructRows) {
    int found = 0;
    for (const ArgStructRow& o : kArgStructRows) found += o.name == r.name && o.arg == r.arg;
    bool row = false;
    for (const SyscallInfo& s : kTable) row = row || (s.name == r.name && r.arg < s.nargs &&
                                                 (r.count == kCountNone || r.count == kCountRet ||
                                                  count_is_fixed(r.count) || r.count < s.nargs));
    // A count taken from the return value is known only at exit.
    if (r.count == kCountRet && r.dir != Dir::Out) return false;
    if (!row || found != 1) return false;
  }
  return true;
}
static_assert(arg_structs_line_up(),
              "structs.def: each Struct argument of x86_64.def needs exactly one ARG_STRUCT line");

constexpr ArgSetInfo kArgSetInfos[] = {
    {"None", false, {}, {}},
#define SET(id, kind, header, unknown, ...) {#id, ArgSetKind_##kind, header, unknown},
#define ARG_SET(...)
#define ArgSetKind_Flags true
#define ArgSetKind_Const false
#include "syscalls/arg_sets.def"
#undef SET
#undef ARG_SET
};

// The numbers in the table must be the kernel headers' numbers.
#define SC(nr, name, ...) static_assert(nr == __NR_##name, "syscall number of " #name);
#include "syscalls/x86_64.def"
#undef SC

constexpr bool sorted_by_number() {
  for (size_t i = 1; i < std::size(kTable); ++i)
    if (kTable[i - 1].nr >= kTable[i].nr) return false;
  return true;
}
static_assert(sorted_by_number(), "x86_64.def rows must be in number order");

}  // namespace

const ArgSetInfo& arg_set_info(ArgSet s) {
  auto i = static_cast<size_t>(s);
  return kArgSetInfos[i < std::size(kArgSetInfos) ? i : 0];
}

const SyscallInfo* syscall_by_nr(long nr) {
  auto it = std::lower_bound(std::begin(kTable), std::end(kTable), nr,
                             [](const SyscallInfo& s, long n) { return s.nr < n; });
  return it != std::end(kTable) && it->nr == nr ? it : nullptr;
}

const SyscallInfo* syscall_by_name(std::string_view name) {
  static const auto* index = [] {
    auto* m = new std::unordered_map<std::string_view, const SyscallInfo*>;
    for (const auto& s : kTable) m->emplace(s.name, &s);
    return m;
  }();
  auto it = index->find(name);
  return it == index->end() ? nullptr : it->second;
}

std::string_view arg_name(const SyscallInfo& s, int i) {
  int shown = 0;
  for (int k = 0; k < s.kernel_nargs; ++k, ++shown) {
    std::string_view name = s.kargs[static_cast<size_t>(k)].name;
    bool halves = false;
    if (k + 1 < s.kernel_nargs && name.size() > 2 && name.substr(name.size() - 2) == "_l") {
      std::string_view next = s.kargs[static_cast<size_t>(k + 1)].name;
      halves = next.size() == name.size() && next.substr(0, name.size() - 1) == name.substr(0, name.size() - 1) &&
               next.back() == 'h';
    }
    if (halves) name = name.substr(0, name.size() - 2);
    if (shown == i) return name;
    if (halves) ++k;
  }
  return {};
}

int path_arg(const SyscallInfo& s) {
  for (int i = 0; i < s.nargs; ++i)
    if (s.args[i] == ArgT::Path) return i;
  return -1;
}

const SyscallInfo* syscalls_begin() { return std::begin(kTable); }
const SyscallInfo* syscalls_end() { return std::end(kTable); }

}  // namespace sct
