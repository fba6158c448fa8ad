#include "syscalls/syscall_doc.hpp"

#include <fmt/format.h>

namespace sct {

namespace {

// Prints as a bare address or as bare hex in the generic decoder. A Set
// argument prints the names of its set (arg_sets.def): decoded.
bool prints_bare(ArgT t) {
  switch (t) {
    case ArgT::Hex:
    case ArgT::Ptr:
    case ArgT::Argv:  // the generic decoder prints these four as addresses
    case ArgT::Envp:
    case ArgT::IovIn:
    case ArgT::IovOutRet: return true;
    default: return false;
  }
}

bool is_flags_word(const KernelArg& k) {
  return !k.type.is_pointer() && (k.type.bits <= 32 || k.name.find("flags") != std::string_view::npos);
}

}  // namespace

Decoding decoding_of(const SyscallInfo& s, std::vector<int>* why) {
  if (s.dec == Dec::Custom) return Decoding::Custom;
  bool undecoded = false;
  for (int i = 0; i < s.nargs; ++i) {
    const KernelArg* k = kernel_arg(s, i);
    if (!k || !prints_bare(s.args[i])) continue;
    bool data_pointer = k->type.is_pointer() && k->type.pointee != Pointee::Void;
    bool flags = s.args[i] == ArgT::Hex && is_flags_word(*k);
    if (data_pointer || flags) {
      undecoded = true;
      if (why) why->push_back(i);
    }
  }
  return undecoded ? Decoding::Undecoded : Decoding::Generic;
}

std::string syscalls_markdown() {
  int counts[3] = {};
  std::string rows;
  for (const SyscallInfo* s = syscalls_begin(); s != syscalls_end(); ++s) {
    std::vector<int> why;
    Decoding d = decoding_of(*s, &why);
    ++counts[static_cast<int>(d)];
    std::string args;
    if (s->proto == Proto::None) {
      args = fmt::format("(no kernel implementation; {} registers in hex)", s->nargs);
    } else {
      for (int i = 0; i < s->kernel_nargs; ++i)
        args += fmt::format("{}`{}`", i ? ", " : "", s->kargs[i].name);
    }
    static constexpr const char* kNames[] = {"generic", "custom", "undecoded"};
    std::string how = kNames[static_cast<int>(d)];
    if (!why.empty()) {
      how += ":";
      for (int i : why) how += fmt::format(" `{}`", s->kargs[i].name);
    }
    rows += fmt::format("| {} | {} | {} | {} |\n", s->nr, s->name, args, how);
  }
  std::string out =
      "<!-- Generated from src/syscalls/x86_64.def and x86_64_args.def; do not edit by hand.\n"
      "     Rewrite: SCTRACE_WRITE_DOCS=1 build/sctrace_unit_tests "
      "--gtest_filter=SyscallDoc.FileIsCurrent -->\n"
      "# Syscalls (x86_64)\n\n"
      "How sctrace prints each syscall's arguments. The argument names are the\n"
      "kernel's (its syscall trace events).\n\n"
      "- **generic**: the table's argument types drive the generic decoder\n"
      "  (src/core/call.cpp); flags words and named constants print from their\n"
      "  sets in src/syscalls/arg_sets.def.\n"
      "- **custom**: a hand-written `decode_<name>` in src/decode/ prints it.\n"
      "- **undecoded**: a generic row with at least one argument that prints as a\n"
      "  bare address or bare hex although its kernel C type is a pointer to data\n"
      "  (a struct, an array, a string: anything but `void *`) or an integer flags\n"
      "  word (a hex-printed integer whose C type is 32 bits or narrower, or whose\n"
      "  name contains `flags`). strace prints something richer there (a struct,\n"
      "  an array, flag names). The arguments in question follow the word.\n\n";
  out += fmt::format("Totals: {} generic, {} custom, {} undecoded.\n\n", counts[0], counts[1],
                     counts[2]);
  out += "| nr | name | arguments | decoded |\n|---:|---|---|---|\n" + rows;
  return out;
}

}  // namespace sct
