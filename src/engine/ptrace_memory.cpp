#include "engine/ptrace_memory.hpp"

#include <sys/ptrace.h>
#include <sys/uio.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace sct {

namespace {
constexpr uint64_t kPage = 4096;
}

size_t PtraceMemory::read_some(uint64_t addr, char* buf, size_t len) {
  iovec local{buf, len};
  iovec remote{reinterpret_cast<void*>(addr), len};
  ssize_t n = process_vm_readv(pid_, &local, 1, &remote, 1, 0);
  if (n > 0) return static_cast<size_t>(n);
  if (n < 0 && errno != ENOSYS && errno != EPERM) return 0;
  // Word by word: slower, but works where process_vm_readv is refused.
  size_t done = 0;
  while (done < len) {
    uint64_t a = addr + done;
    uint64_t aligned = a & ~uint64_t{7};
    errno = 0;
    long word = ptrace(PTRACE_PEEKDATA, pid_, aligned, nullptr);
    if (errno) break;
    size_t off = a - aligned;
    size_t take = std::min(len - done, sizeof word - off);
    memcpy(buf + done, reinterpret_cast<char*>(&word) + off, take);
    done += take;
  }
  return done;
}

bool PtraceMemory::read(uint64_t addr, void* buf, size_t len) {
  char* p = static_cast<char*>(buf);
  size_t done = 0;
  while (done < len) {
    size_t n = read_some(addr + done, p + done, len - done);
    if (n == 0) return false;
    done += n;
  }
  return true;
}

std::optional<std::string> PtraceMemory::read_cstr(uint64_t addr, size_t max, bool* terminated) {
  std::string out;
  *terminated = false;
  // One byte past max tells a string of exactly max bytes from a longer one.
  size_t want = max + 1;
  char chunk[kPage];
  while (out.size() < want) {
    uint64_t a = addr + out.size();
    size_t n = std::min<uint64_t>(want - out.size(), kPage - (a % kPage));
    size_t got = read_some(a, chunk, n);
    if (got == 0) return std::nullopt;
    const char* nul = static_cast<const char*>(memchr(chunk, 0, got));
    if (nul) {
      out.append(chunk, static_cast<size_t>(nul - chunk));
      *terminated = true;
      return out;
    }
    out.append(chunk, got);
  }
  out.resize(max);
  return out;
}

}  // namespace sct
