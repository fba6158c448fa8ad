// getdents, getdents64: without -v only the entry count, as strace prints it.
// An engine that copied only the start of a large result (the eBPF engine,
// past SCT_DIRENTS_CAP) counted all its entries as it copied: the count is
// still whole, and -v shows the entries copied, then the address of the
// first one not copied with how many were not, never a short list as if it
// were the whole.
#include <dirent.h>

#include <fmt/format.h>

#include <cstring>
#include <string>
#include <vector>

#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {

constexpr XlatEntry kDirentTypes[] = {
    XLAT(DT_UNKNOWN), XLAT(DT_FIFO), XLAT(DT_CHR), XLAT(DT_DIR), XLAT(DT_BLK),
    XLAT(DT_REG),     XLAT(DT_LNK),  XLAT(DT_SOCK), XLAT(DT_WHT),
};
constexpr size_t kMaxBytes = 1 << 20;  // a huge count from the tracee is bounded

struct Dirent64Head {
  uint64_t d_ino;
  int64_t d_off;
  uint16_t d_reclen;
  uint8_t d_type;
} __attribute__((packed));

struct DirentHead {
  unsigned long d_ino;
  unsigned long d_off;
  unsigned short d_reclen;
} __attribute__((packed));

Value dirents(Call& c, uint64_t addr, int64_t len, bool is64) {
  if (c.failed() || len < 0) return c.ptr(addr);
  size_t n = static_cast<size_t>(std::min<int64_t>(len, kMaxBytes));
  std::string buf(n, '\0');
  std::optional<uint64_t> counted;  // set when only a prefix was copied
  if (!c.fetch(addr, buf.data(), n)) {
    if (c.opts().structs && addr) counted = c.mem().dirents_counted(addr);
    if (!counted) return c.ptr(addr);
    n = c.mem().read_prefix(addr, buf.data(), n);
  }
  Array items;
  size_t count = 0;
  size_t head = is64 ? sizeof(Dirent64Head) : sizeof(DirentHead);
  size_t off = 0;
  while (off + head <= n) {
    uint64_t ino, doff;
    uint16_t reclen;
    uint8_t type;
    const char* name;
    if (is64) {
      Dirent64Head h;
      memcpy(&h, buf.data() + off, sizeof h);
      ino = h.d_ino, doff = static_cast<uint64_t>(h.d_off), reclen = h.d_reclen, type = h.d_type;
      name = buf.data() + off + sizeof h;
    } else {
      DirentHead h;
      memcpy(&h, buf.data() + off, sizeof h);
      ino = h.d_ino, doff = h.d_off, reclen = h.d_reclen;
      type = off + h.d_reclen <= n && h.d_reclen ? static_cast<uint8_t>(buf[off + h.d_reclen - 1]) : 0;
      name = buf.data() + off + sizeof h;
    }
    if (reclen < head || off + reclen > n) break;
    ++count;
    if (c.opts().verbose) {
      size_t maxname = reclen - head;
      std::string nm(name, strnlen(name, maxname));
      Struct s;
      s.fields.push_back({"d_ino", Uint{ino}});
      s.fields.push_back({"d_off", Uint{doff}});
      s.fields.push_back({"d_reclen", Uint{reclen}});
      if (is64) s.fields.push_back({"d_type", xlat_value(XSET(kDirentTypes), type, nullptr)});
      s.fields.push_back({"d_name", whole_str(nm)});
      if (!is64) s.fields.push_back({"d_type", xlat_value(XSET(kDirentTypes), type, nullptr)});
      items.items.push_back(std::move(s));
    }
    off += reclen;
  }
  if (counted && *counted > count) {
    if (!c.opts().verbose) count = *counted;
    else items.items.push_back(commented(Ptr{addr + off}, fmt::format("{} entries not captured", *counted - count)));
  }
  if (c.opts().verbose) return items;
  return commented(Ptr{addr}, std::to_string(count) + " entries");
}

bool decode_dents(Call& c, bool is64) {
  if (c.entering()) {
    c.push(c.fd(c.iarg(0)));
    return false;
  }
  c.push(dirents(c, c.arg(1), c.ret(), is64));
  c.push(Uint{c.uarg(2)});
  return true;
}

}  // namespace

bool decode_getdents(Call& c) { return decode_dents(c, false); }
bool decode_getdents64(Call& c) { return decode_dents(c, true); }

}  // namespace sct
