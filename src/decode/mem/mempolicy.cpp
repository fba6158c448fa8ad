// mbind, set_mempolicy, get_mempolicy, migrate_pages: a policy mode with flags, and node
// masks of maxnode - 1 bits (the kernel drops the last).
#include <linux/mempolicy.h>

#include <fmt/format.h>

#include "core/arg_sets.hpp"
#include "syscalls/arg_set_ids.hpp"
#include "core/call.hpp"
#include "decode/common.hpp"

namespace sct {

namespace {

// MPOL_BIND|MPOL_F_STATIC_NODES; with bits outside both, the flags and the
// rest in hex (MPOL_F_RELATIVE_NODES|0x1003), as strace prints them.
Value mpol_mode(uint64_t v) {
  uint64_t flags = v & MPOL_MODE_FLAGS;
  uint64_t mode = v & ~uint64_t{MPOL_MODE_FLAGS};
  Xlat modes = arg_set_table(ArgSet::MpolMode);
  if (!flags) return arg_set_value(ArgSet::MpolMode, mode);
  Flags f = flags_of(arg_set_table(ArgSet::MpolModeFlags), flags);
  if (const char* n = xlat_name(modes, mode)) {
    f.names.insert(f.names.begin(), n);
  } else {
    f.residue |= mode;
  }
  f.raw = v;
  return f;
}

// A word of a node mask: strace's %#0*lx with 16 digits' width
// ("0x00000000000001", and 0 without its 0x: "0000000000000000").
Value mask_word(uint64_t w) {
  if (!w) return Sym{std::string(16, '0')};
  return Sym{fmt::format("{:#016x}", w)};
}

// maxnode - 1 bits, in whole words; maxnode 0 is an empty mask and 1 a
// mask strace does not read.
Value nodemask_at(Call& c, uint64_t addr, uint64_t maxnode) {
  if (addr == 0) return Ptr{0};
  if (maxnode == 0) return Array{};
  uint64_t bits = maxnode - 1;
  if (bits == 0) return c.ptr(addr);
  return struct_array<uint64_t>(c, addr, (bits + 63) / 64, mask_word);
}

}  // namespace

bool decode_set_mempolicy(Call& c) {
  c.push(mpol_mode(c.uarg(0)));  // int mode
  c.push(nodemask_at(c, c.arg(1), c.arg(2)));
  c.push(Uint{c.arg(2)});
  return true;
}

bool decode_mbind(Call& c) {
  c.push(c.ptr(c.arg(0)));
  c.push(Uint{c.arg(1)});
  c.push(mpol_mode(c.arg(2)));  // unsigned long mode
  c.push(nodemask_at(c, c.arg(3), c.arg(4)));
  c.push(Uint{c.arg(4)});
  c.push(arg_set_value(ArgSet::MpolMbind, c.uarg(5)));
  return true;
}

bool decode_migrate_pages(Call& c) {
  c.push(Int{c.iarg(0)});  // pid_t pid
  c.push(Uint{c.arg(1)});
  c.push(nodemask_at(c, c.arg(2), c.arg(1)));
  c.push(nodemask_at(c, c.arg(3), c.arg(1)));
  return true;
}

bool decode_get_mempolicy(Call& c) {
  if (c.entering()) return false;
  uint64_t policy = c.arg(0), nmask = c.arg(1), maxnode = c.arg(2);
  unsigned flags = c.uarg(4);
  if (policy == 0) {
    c.push(Ptr{0});
  } else if (auto p = c.failed() ? std::nullopt : c.read<int>(policy)) {
    // With MPOL_F_NODE the kernel stores a node number, not a mode.
    c.push(Array{{(flags & MPOL_F_NODE) ? Value(Int{*p}) : mpol_mode(static_cast<unsigned>(*p))}});
  } else {
    c.push(c.ptr(policy));
  }
  c.push(c.failed() ? c.ptr(nmask) : nodemask_at(c, nmask, maxnode));
  c.push(Uint{maxnode});
  c.push(c.ptr(c.arg(3)));
  c.push(arg_set_value(ArgSet::MpolGet, flags));
  return true;
}

}  // namespace sct
