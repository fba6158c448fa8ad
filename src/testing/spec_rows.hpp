// The syscall table's rows, for the spec's unit tests.
#pragma once

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "syscalls/syscall_table.hpp"

namespace sct::testing_rows {

inline std::vector<const SyscallInfo*> rows() {
  std::vector<const SyscallInfo*> out;
  for (const SyscallInfo* s = syscalls_begin(); s != syscalls_end(); ++s) out.push_back(s);
  return out;
}

// The row named `name`; a test failure (and an empty row) when there is none.
inline const SyscallInfo& row(std::string_view name) {
  const SyscallInfo* s = syscall_by_name(name);
  if (!s) ADD_FAILURE() << "no row for " << name;
  static const SyscallInfo none{};
  return s ? *s : none;
}

}  // namespace sct::testing_rows
