// For decoder tests: a tracee memory made of byte regions, and a function that
// runs a syscall's decoder through entry and exit and returns strace's line.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <string_view>

#include "core/call.hpp"
#include "sink/text_format.hpp"

namespace sct::testing {

class FakeMemory : public Memory {
 public:
  // Places bytes at addr; returns addr for convenience.
  uint64_t put(uint64_t addr, std::string_view bytes) {
    regions_[addr] = std::string(bytes);
    return addr;
  }
  template <class T>
  uint64_t put_obj(uint64_t addr, const T& obj) {
    return put(addr, std::string_view(reinterpret_cast<const char*>(&obj), sizeof obj));
  }
  // A NUL-terminated string.
  uint64_t put_str(uint64_t addr, std::string_view s) { return put(addr, std::string(s) + '\0'); }

  bool read(uint64_t addr, void* buf, size_t len) override {
    char* out = static_cast<char*>(buf);
    while (len) {
      const auto* r = find(addr);
      if (!r) return false;
      size_t off = addr - r->first;
      size_t n = std::min(len, r->second.size() - off);
      memcpy(out, r->second.data() + off, n);
      out += n;
      addr += n;
      len -= n;
    }
    return true;
  }
  std::optional<std::string> read_cstr(uint64_t addr, size_t max, bool* terminated) override {
    std::string s;
    *terminated = false;
    while (s.size() <= max) {
      char c;
      if (!read(addr + s.size(), &c, 1)) {
        if (s.empty()) return std::nullopt;
        return std::nullopt;
      }
      if (c == 0) {
        *terminated = true;
        return s;
      }
      s += c;
    }
    s.resize(max);
    return s;
  }

 private:
  const std::pair<const uint64_t, std::string>* find(uint64_t addr) const {
    auto it = regions_.upper_bound(addr);
    if (it == regions_.begin()) return nullptr;
    --it;
    if (addr - it->first >= it->second.size()) return nullptr;
    return &*it;
  }
  std::map<uint64_t, std::string> regions_;
};

// Decodes `name(args...) = ret` the way the ptrace engine would, with `mem`
// as the tracee's memory (the same at entry and exit unless `at_exit` is
// given: then it replaces `mem` for the exit half).
std::string trace_line(std::string_view name, std::array<uint64_t, 6> args, int64_t ret,
                       Memory& mem, const DecodeOptions& opts = {}, Memory* at_exit = nullptr,
                       pid_t pid = 1);

// trace_line without the alignment padding before " = ": what a decoder test
// compares, since the column is the text sink's business, not the decoder's.
std::string trace_line_unpadded(std::string_view name, std::array<uint64_t, 6> args, int64_t ret,
                                Memory& mem, const DecodeOptions& opts = {});

}  // namespace sct::testing
