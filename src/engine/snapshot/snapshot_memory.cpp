#include "engine/snapshot/snapshot_memory.hpp"

#include <sys/uio.h>

#include <algorithm>
#include <cstring>

namespace sct {

bool SnapshotMemory::read(uint64_t addr, void* buf, size_t len) {
  if (len == 0) return true;
  iovec local{buf, len};
  iovec remote{reinterpret_cast<void*>(addr), len};
  return process_vm_readv(pid_, &local, 1, &remote, 1, 0) == static_cast<ssize_t>(len);
}

std::optional<std::string> SnapshotMemory::read_cstr(uint64_t addr, size_t max, bool* terminated) {
  constexpr uint64_t kPage = 4096;
  std::string out;
  if (terminated) *terminated = false;
  // Page by page, so that a string ending before an unmapped page is read.
  while (out.size() < max) {
    const uint64_t a = addr + out.size();
    size_t chunk = std::min<size_t>(max - out.size(), kPage - (a % kPage));
    char buf[kPage];
    iovec local{buf, chunk};
    iovec remote{reinterpret_cast<void*>(a), chunk};
    ssize_t n = process_vm_readv(pid_, &local, 1, &remote, 1, 0);
    if (n <= 0) return std::nullopt;
    if (const void* nul = memchr(buf, 0, static_cast<size_t>(n))) {
      out.append(buf, static_cast<size_t>(static_cast<const char*>(nul) - buf));
      if (terminated) *terminated = true;
      return out;
    }
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

}  // namespace sct
