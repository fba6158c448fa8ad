#include "syscalls/syscall_table.hpp"

#include <asm/unistd_64.h>

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace sct {

// Every Custom row names a decode_<name> function; a missing one fails the link.
#define SC(nr, name, nargs, classes, ret, dec, ...) SC_DECLARE_##dec(name)
#define SC_DECLARE_Generic(name)
#define SC_DECLARE_Custom(name) bool decode_##name(Call&);
#include "syscalls/x86_64.def"
#undef SC

namespace {

#define SC_FN_Generic(name) nullptr
#define SC_FN_Custom(name) &decode_##name
#define SC(nr, name, nargs, classes, ret, dec, ...)                                   \
  SyscallInfo{nr, #name, nargs, classes, Ret::ret, Dec::dec, {__VA_OPT__(SC_ARGS(__VA_ARGS__))}, \
              SC_FN_##dec(name)},
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

constexpr SyscallInfo kTable[] = {
#include "syscalls/x86_64.def"
};
#undef SC

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

int path_arg(const SyscallInfo& s) {
  for (int i = 0; i < s.nargs; ++i)
    if (s.args[i] == ArgT::Path) return i;
  return -1;
}

const SyscallInfo* syscalls_begin() { return std::begin(kTable); }
const SyscallInfo* syscalls_end() { return std::end(kTable); }

}  // namespace sct
