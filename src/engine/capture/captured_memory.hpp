// Tracee memory as the eBPF engine copied it into a record: decoders read it
// through the same interface as the ptrace engine's live memory. What was not
// copied cannot be read, and decoders print the address, as for a bad pointer.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/memory.hpp"
#include "engine/capture/stream_abi.h"

namespace sct {

class CapturedMemory : public Memory {
 public:
  struct Region {
    uint64_t addr = 0;
    std::string_view bytes;   // for a string, without its NUL
    bool str = false;
    bool terminated = false;  // a string whose NUL was copied
  };

  // `fallback` is searched after this one: the exit record, then the entry's.
  explicit CapturedMemory(const CapturedMemory* fallback = nullptr) : fallback_(fallback) {}
  CapturedMemory(const CapturedMemory&) = delete;
  CapturedMemory& operator=(const CapturedMemory&) = delete;
  // Moving keeps the views into the record: a moved vector keeps its bytes.
  CapturedMemory(CapturedMemory&&) = default;
  CapturedMemory& operator=(CapturedMemory&&) = default;

  void set_fallback(const CapturedMemory* fallback) { fallback_ = fallback; }
  // Forgets the regions (not the fallback), to be filled again.
  void clear() {
    n_inline_ = 0;
    more_.clear();
  }

  // The regions of a record of `size` bytes (a header, then captures); the
  // record must outlive this. False when the record is malformed.
  bool add_record(const uint8_t* rec, size_t size);
  void add(Region r);
  std::string cwd(pid_t pid) override;
  std::optional<uint64_t> dirents_counted(uint64_t addr) override;
  // What the kernel added at one of the SCT_AT_* addresses, if it did.
  std::optional<std::string_view> special(uint64_t at) const;
  // Calls f(bytes) for every capture at `at` among this record's own (not
  // the fallback's).
  template <class F>
  void each_special(uint64_t at, F f) const {
    for (auto part : {inline_regions(), std::span<const Region>(more_)})
      for (const Region& r : part)
        if (r.addr == at) f(r.bytes);
  }

  bool read(uint64_t addr, void* buf, size_t len) override;
  size_t read_prefix(uint64_t addr, void* buf, size_t len) override;
  std::optional<std::string> read_cstr(uint64_t addr, size_t max, bool* terminated) override;

 private:
  const Region* find(uint64_t addr, size_t len) const;
  std::span<const Region> inline_regions() const { return {inline_.data(), n_inline_}; }

  // A record rarely has more captures than a call has arguments: those stay
  // here, and one is made per record, so no allocation for them.
  std::array<Region, 6> inline_;
  size_t n_inline_ = 0;
  std::vector<Region> more_;
  const CapturedMemory* fallback_;
};

}  // namespace sct
