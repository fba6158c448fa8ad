// What the spec needs to know of a syscall argument's C type, as the kernel
// declares it (x86_64_args.def): how many low bits of the register the kernel
// reads, whether they are signed, and, for a pointer, what it points to.
// Derived at compile time from the type's text; a type this file does not
// know fails the build (syscall_table.cpp), so a new kernel type is mapped
// here, once.
#pragma once

#include <cstdint>
#include <string_view>

namespace sct {

enum class Pointee : uint8_t {
  None,     // not a pointer
  String,   // const char *: a path or string the kernel reads
  CharBuf,  // char * / unsigned char *: bytes the kernel writes (or reads)
  Void,     // void *: untyped memory (an address, or a buffer)
  Struct,   // struct X *, union X *, or a typedef of a struct (sigset_t, ...)
  Scalar,   // int *, size_t *, ...: one integer or an array of them
  Pointer,  // a pointer to pointers (const char *const *, struct iocb **)
};

struct CType {
  std::string_view text;  // as the kernel spells it: "struct epoll_event *"
  bool known = false;     // false: this file cannot classify `text`
  uint8_t bits = 64;      // low bits of the register the kernel reads
  bool is_signed = false;
  Pointee pointee = Pointee::None;
  std::string_view struct_name;  // "epoll_event" for struct epoll_event *; the typedef else

  constexpr bool is_pointer() const { return pointee != Pointee::None; }
};

namespace ctype_detail {

constexpr std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Leading and trailing `const`s go: they do not change what the kernel reads.
constexpr std::string_view strip_const(std::string_view s) {
  for (bool again = true; again;) {
    again = false;
    s = trim(s);
    if (s.starts_with("const ")) s.remove_prefix(6), again = true;
    if (s.ends_with(" const")) s.remove_suffix(6), again = true;
    if (s.ends_with("*const")) s.remove_suffix(5), again = true;
  }
  return s;
}

struct Scalar {
  std::string_view name;
  uint8_t bits;
  bool is_signed;
};

// Integer types and typedefs of the x86_64 syscall prototypes (LP64).
constexpr Scalar kScalars[] = {
    {"int", 32, true},          {"__s32", 32, true},         {"pid_t", 32, true},
    {"clockid_t", 32, true},    {"key_serial_t", 32, true},  {"mqd_t", 32, true},
    {"timer_t", 32, true},      {"rwf_t", 32, true},         {"key_t", 32, true},
    {"unsigned int", 32, false}, {"unsigned", 32, false},    {"u32", 32, false},
    {"__u32", 32, false},       {"uid_t", 32, false},        {"gid_t", 32, false},
    {"qid_t", 32, false},       {"umode_t", 16, false},      {"long", 64, true},
    {"off_t", 64, true},        {"loff_t", 64, true},        {"__kernel_old_time_t", 64, true},
    {"unsigned long", 64, false}, {"size_t", 64, false},     {"aio_context_t", 64, false},
    {"u64", 64, false},         {"__u64", 64, false},        {"unsigned char", 8, false},
};

// Typedefs of structures (the kernel passes them by pointer).
constexpr std::string_view kStructTypedefs[] = {"sigset_t", "siginfo_t", "stack_t", "fd_set"};
// Typedefs that are themselves pointers to structures.
constexpr std::string_view kPointerTypedefs[] = {"cap_user_header_t", "cap_user_data_t"};

constexpr const Scalar* scalar(std::string_view s) {
  for (const Scalar& k : kScalars)
    if (k.name == s) return &k;
  return nullptr;
}

}  // namespace ctype_detail

constexpr CType classify_ctype(std::string_view text) {
  using namespace ctype_detail;
  CType t;
  t.text = text;
  std::string_view s = strip_const(text);
  if (s.starts_with("enum ")) {  // enums of the prototypes hold small non-negative values
    t.known = true, t.bits = 32;
    return t;
  }
  for (std::string_view p : kPointerTypedefs)
    if (s == p) {
      t.known = true, t.pointee = Pointee::Struct, t.struct_name = p;
      return t;
    }
  if (!s.ends_with("*")) {
    if (const Scalar* k = scalar(s)) t.known = true, t.bits = k->bits, t.is_signed = k->is_signed;
    return t;
  }
  // A pointer: 64 bits, unsigned, and what it points to.
  t.known = true;
  bool pointee_const = trim(text).starts_with("const ");
  s.remove_suffix(1);
  s = strip_const(s);
  if (s.ends_with("*")) {
    t.pointee = Pointee::Pointer;
  } else if (s == "char") {
    t.pointee = pointee_const ? Pointee::String : Pointee::CharBuf;
  } else if (s == "unsigned char") {
    t.pointee = Pointee::CharBuf;
  } else if (s == "void") {
    t.pointee = Pointee::Void;
  } else if (s.starts_with("struct ") || s.starts_with("union ")) {
    t.pointee = Pointee::Struct;
    t.struct_name = s.substr(s.find(' ') + 1);
  } else if (scalar(s)) {
    t.pointee = Pointee::Scalar;
  } else {
    t.known = false;
    for (std::string_view p : kStructTypedefs)
      if (s == p) t.known = true, t.pointee = Pointee::Struct, t.struct_name = p;
  }
  return t;
}

// One argument as the kernel declares it.
struct KernelArg {
  std::string_view name;
  CType type;
};

}  // namespace sct
