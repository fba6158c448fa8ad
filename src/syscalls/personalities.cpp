#include "syscalls/personalities.hpp"

#include <algorithm>
#include <array>

#include "syscalls/syscall_table.hpp"

namespace sct {

namespace {

struct Named {
  Personality p;
  std::string_view name;
};

#define PERSONALITY_NAME_32(n) Named{Personality::I386, #n},
#define PERSONALITY_NAME_x32(n) Named{Personality::X32, #n},
#define PERSONALITY_NAME(p, n) PERSONALITY_NAME_##p(n)
constexpr Named kNames[] = {
#include "syscalls/personality_names.def"
};
#undef PERSONALITY_NAME
#undef PERSONALITY_NAME_32
#undef PERSONALITY_NAME_x32

}  // namespace

std::optional<Personality> personality_by_designator(std::string_view d) {
  if (d == "64") return Personality::X86_64;
  if (d == "32") return Personality::I386;
  if (d == "x32") return Personality::X32;
  return std::nullopt;
}

bool personality_has(Personality p, std::string_view name) {
  if (p == Personality::X86_64) return syscall_by_name(name) != nullptr;
  return std::any_of(std::begin(kNames), std::end(kNames),
                     [&](const Named& n) { return n.p == p && n.name == name; });
}

}  // namespace sct
