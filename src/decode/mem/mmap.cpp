// mmap, mprotect, mremap, madvise, process_madvise.
#include <linux/mman.h>
#include <sys/mman.h>

#include <fmt/format.h>

#include "core/arg_sets.hpp"
#include "core/call.hpp"
#include "core/xlat.hpp"
#include "decode/common.hpp"

namespace sct {

namespace {

constexpr XlatEntry kProt[] = {
    XLAT(PROT_READ), XLAT(PROT_WRITE), XLAT(PROT_EXEC), XLAT_PAIR(0x8, "PROT_SEM"),
    XLAT(PROT_GROWSDOWN), XLAT(PROT_GROWSUP),
};
constexpr XlatEntry kMapTypes[] = {
    XLAT(MAP_SHARED), XLAT(MAP_PRIVATE), XLAT_PAIR(0x3, "MAP_SHARED_VALIDATE")};
constexpr XlatEntry kMapFlags[] = {
    XLAT(MAP_FIXED),     XLAT(MAP_ANONYMOUS), XLAT(MAP_32BIT),     XLAT(MAP_NORESERVE),
    XLAT(MAP_POPULATE),  XLAT(MAP_NONBLOCK),  XLAT(MAP_GROWSDOWN), XLAT(MAP_DENYWRITE),
    XLAT(MAP_EXECUTABLE), XLAT(MAP_LOCKED),   XLAT(MAP_STACK),     XLAT(MAP_HUGETLB),
    XLAT_PAIR(0x80000, "MAP_SYNC"), XLAT_PAIR(0x100000, "MAP_FIXED_NOREPLACE"),
    XLAT_PAIR(0x4000000, "MAP_UNINITIALIZED"),
};
constexpr XlatEntry kMremapFlags[] = {
    XLAT(MREMAP_MAYMOVE), XLAT(MREMAP_FIXED), XLAT_PAIR(4, "MREMAP_DONTUNMAP")};
constexpr XlatEntry kMadvise[] = {
    XLAT(MADV_NORMAL),      XLAT(MADV_RANDOM),     XLAT(MADV_SEQUENTIAL), XLAT(MADV_WILLNEED),
    XLAT(MADV_DONTNEED),    XLAT(MADV_FREE),       XLAT(MADV_REMOVE),     XLAT(MADV_DONTFORK),
    XLAT(MADV_DOFORK),      XLAT(MADV_MERGEABLE),  XLAT(MADV_UNMERGEABLE), XLAT(MADV_HUGEPAGE),
    XLAT(MADV_NOHUGEPAGE),  XLAT(MADV_DONTDUMP),   XLAT(MADV_DODUMP),     XLAT(MADV_WIPEONFORK),
    XLAT(MADV_KEEPONFORK),  XLAT(MADV_COLD),       XLAT(MADV_PAGEOUT),    XLAT(MADV_HWPOISON),
    XLAT(MADV_SOFT_OFFLINE), XLAT_PAIR(22, "MADV_POPULATE_READ"), XLAT_PAIR(23, "MADV_POPULATE_WRITE"),
    XLAT_PAIR(24, "MADV_DONTNEED_LOCKED"), XLAT_PAIR(25, "MADV_COLLAPSE"),
};
constexpr unsigned kHugeShift = 26;

Value prot_value(uint64_t v) {
  if (v == 0) return Sym{"PROT_NONE", "Prot", 0};
  return flags_of(XSET(kProt), v);
}

// The map type is a field, the rest are flags, the top bits a page size.
// remap_file_pages names type 0 MAP_FILE (it remaps a file mapping).
Value map_flags_value(uint64_t v, bool file_type = false) {
  Flags f = flags_of(XSET(kMapFlags), v & ~uint64_t{MAP_TYPE} & ((1u << kHugeShift) - 1));
  uint64_t type = v & MAP_TYPE;
  if (file_type && type == 0) f.names.insert(f.names.begin(), "MAP_FILE");
  else if (const char* t = xlat_name(kMapTypes, type)) f.names.insert(f.names.begin(), t);
  else f.names.insert(f.names.begin(), fmt::format("{:#x} /* MAP_??? */", type));
  f.raw = v;
  uint64_t huge = (v & 0xffffffff) >> kHugeShift;
  if (!huge) return f;
  std::string out = render_flags_text(f);
  out += fmt::format("|{}<<MAP_HUGE_SHIFT", huge);
  return Sym{out, "MapFlags", static_cast<int64_t>(v)};
}

}  // namespace

bool decode_mmap(Call& c) {
  c.push(c.ptr(c.arg(0)));
  c.push(Uint{c.arg(1)});
  c.push(prot_value(c.uarg(2)));
  c.push(map_flags_value(c.uarg(3)));
  c.push(c.fd(c.iarg(4)));
  c.push(Hex{c.arg(5)});
  return true;
}

bool decode_mprotect(Call& c) {
  c.push(c.ptr(c.arg(0)));
  c.push(Uint{c.arg(1)});
  c.push(prot_value(c.uarg(2)));
  return true;
}

// The new address is an argument only with MREMAP_FIXED: strace shows it
// then alone (realloc's MREMAP_MAYMOVE takes four).
bool decode_mremap(Call& c) {
  c.push(c.ptr(c.arg(0)));
  c.push(Uint{c.arg(1)});
  c.push(Uint{c.arg(2)});
  c.push(flags_value(XSET(kMremapFlags), c.uarg(3), "MREMAP_???"));
  if (c.uarg(3) & MREMAP_FIXED) c.push(c.ptr(c.arg(4)));
  c.args_done();
  return true;
}

// remap_file_pages: prot and flags as mmap's, an unknown prot with its comment.
bool decode_remap_file_pages(Call& c) {
  c.push(c.ptr(c.arg(0)));
  c.push(Uint{c.arg(1)});
  c.push(c.arg(2) == 0 ? Value(Sym{"PROT_NONE", "Prot", 0}) : flags_value(kProt, c.arg(2), "PROT_???"));
  c.push(Uint{c.arg(3)});
  c.push(map_flags_value(c.arg(4), true));
  return true;
}

bool decode_madvise(Call& c) {
  c.push(c.ptr(c.arg(0)));
  c.push(Uint{c.arg(1)});
  c.push(xlat_value(XSET(kMadvise), c.uarg(2), "MADV_???"));
  return true;
}

// Another process's ranges (a pidfd and iovecs of addresses), one advice.
bool decode_process_madvise(Call& c) {
  c.push(c.fd(c.iarg(0)));
  c.push(iovec_addrs(c, c.arg(1), c.arg(2)));
  c.push(Uint{c.arg(2)});
  c.push(xlat_value(kMadvise, c.uarg(3), "MADV_???"));
  c.push(arg_set_value(c.info()->sets[4], c.uarg(4)));
  return true;
}

}  // namespace sct
