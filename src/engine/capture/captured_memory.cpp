#include "engine/capture/captured_memory.hpp"

#include <cstring>

#include "core/call.hpp"

namespace sct {

bool CapturedMemory::add_record(const uint8_t* rec, size_t size) {
  if (size < sizeof(sct_record)) return false;
  sct_record h;
  memcpy(&h, rec, sizeof h);
  size_t off = sizeof h;
  for (unsigned i = 0; i < h.ncaptures; ++i) {
    if (off + sizeof(sct_capture_hdr) > size) return false;
    sct_capture_hdr c;
    memcpy(&c, rec + off, sizeof c);
    off += sizeof c;
    if (c.len > size - off) return false;
    Region r;
    r.addr = c.addr;
    r.bytes = std::string_view(reinterpret_cast<const char*>(rec + off), c.len);
    r.str = c.flags & SCT_CAPF_STR;
    r.terminated = c.flags & SCT_CAPF_TERMINATED;
    add(r);
    off += (c.len + 7) & ~size_t{7};
  }
  return true;
}

void CapturedMemory::add(Region r) {
  if (n_inline_ < inline_.size()) inline_[n_inline_++] = r;
  else more_.push_back(r);
}

std::string CapturedMemory::cwd(pid_t pid) {
  if (auto dir = special(SCT_AT_CWD)) return std::string(*dir);
  return Memory::cwd(pid);
}

std::optional<uint64_t> CapturedMemory::dirents_counted(uint64_t addr) {
  auto s = special(SCT_AT_DIRENTS);
  sct_dirents d;
  if (!s || s->size() != sizeof d) return std::nullopt;
  memcpy(&d, s->data(), sizeof d);
  if (d.addr != addr) return std::nullopt;
  return d.count;
}

std::optional<std::string_view> CapturedMemory::special(uint64_t at) const {
  for (auto part : {inline_regions(), std::span<const Region>(more_)})
    for (const Region& r : part)
      if (r.addr == at) return r.bytes;
  if (fallback_) return fallback_->special(at);
  return std::nullopt;
}

const CapturedMemory::Region* CapturedMemory::find(uint64_t addr, size_t len) const {
  for (auto part : {inline_regions(), std::span<const Region>(more_)})
    for (const Region& r : part) {
      if (r.addr < SCT_AT_MAX || addr < r.addr) continue;
      // A copied string's NUL can be read as well.
      uint64_t end = r.addr + r.bytes.size() + (r.terminated ? 1 : 0);
      if (addr + len <= end && addr + len >= addr) return &r;
    }
  return fallback_ ? fallback_->find(addr, len) : nullptr;
}

bool CapturedMemory::read(uint64_t addr, void* buf, size_t len) {
  if (len == 0) return true;
  const Region* r = find(addr, len);
  if (!r) return false;
  size_t at = addr - r->addr;
  size_t have = std::min(len, r->bytes.size() - std::min(at, r->bytes.size()));
  memcpy(buf, r->bytes.data() + std::min(at, r->bytes.size()), have);
  memset(static_cast<char*>(buf) + have, 0, len - have);  // the string's NUL
  return true;
}

size_t CapturedMemory::read_prefix(uint64_t addr, void* buf, size_t len) {
  // The copy that holds the most of it from addr on: the plan copies a
  // buffer up to its limit, so a long one is served in part.
  const Region* best = nullptr;
  size_t most = 0;
  for (const CapturedMemory* m = this; m; m = m->fallback_)
    for (auto part : {m->inline_regions(), std::span<const Region>(m->more_)})
      for (const Region& r : part) {
        if (r.addr < SCT_AT_MAX || addr < r.addr || addr - r.addr >= r.bytes.size()) continue;
        size_t have = r.bytes.size() - (addr - r.addr);
        if (have > most) best = &r, most = have;
      }
  size_t n = std::min(len, most);
  if (best && n) memcpy(buf, best->bytes.data() + (addr - best->addr), n);
  return n;
}

namespace {

// The string a copy holds at `addr`, and whether it ends there (its NUL was
// copied, or the copy was of a string that ended).
std::string_view string_in(const std::string_view bytes, uint64_t from, bool terminated_copy, bool* found) {
  std::string_view rest = bytes.substr(std::min<size_t>(from, bytes.size()));
  size_t nul = rest.find('\0');
  *found = nul != std::string_view::npos || terminated_copy;
  return nul != std::string_view::npos ? rest.substr(0, nul) : rest;
}

}  // namespace

std::optional<std::string> CapturedMemory::read_cstr(uint64_t addr, size_t max, bool* terminated) {
  const Region* r = find(addr, 1);
  if (!r) return std::nullopt;
  bool found = false;
  std::string_view rest = string_in(r->bytes, addr - r->addr, r->terminated, &found);
  // A copy that ends inside the string (a struct or array copied next to
  // it): another copy of it, from the other half of the call, may be whole.
  for (const CapturedMemory* m = fallback_; !found && m; m = m->fallback_)
    for (auto part : {m->inline_regions(), std::span<const Region>(m->more_)})
      for (const Region& o : part) {
        if (found || o.addr < SCT_AT_MAX || addr < o.addr || addr - o.addr > o.bytes.size()) continue;
        bool whole = false;
        std::string_view s = string_in(o.bytes, addr - o.addr, o.terminated, &whole);
        if (whole) rest = s, found = true;
      }
  if (rest.size() > max) {
    *terminated = false;
    return std::string(rest.substr(0, max));
  }
  // Ended by its NUL, or the copy stopped here: then it is longer.
  *terminated = found;
  return std::string(rest);
}

}  // namespace sct
