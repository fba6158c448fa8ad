// A process's file mappings as the engine saw them made (eBPF -k: the
// kernel sends each one), for stacks unwound after the fact: the process
// may be gone by then, and /proc/PID/maps with it, or be running another
// program. Kept in address order, as /proc/PID/maps lists them.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace sct {

struct FileMapping {
  uint64_t start = 0;
  uint64_t end = 0;
  uint64_t offset = 0;  // in the file, of `start`
  uint32_t dev = 0;     // the kernel's encoding: major << 20 | minor
  uint64_t inode = 0;
  uint32_t flags = 0;   // kMapRead | kMapWrite | kMapExec | kMapShared
  std::string path;
};

inline constexpr uint32_t kMapRead = 1, kMapWrite = 2, kMapExec = 4, kMapShared = 8;
// The path a mapping of the vDSO has, as /proc/PID/maps names it.
inline constexpr const char* kVdsoName = "[vdso]";

class RecordedMaps {
 public:
  // A new mapping replaces whatever it overlaps, as mmap does; what lies
  // outside it of a mapping it cuts stays, at its own file offset. One
  // without a path (anonymous memory) only ends what was there.
  void add(FileMapping m);
  void clear() { by_start_.clear(); }
  bool empty() const { return by_start_.empty(); }
  size_t size() const { return by_start_.size(); }
  // In /proc/PID/maps's format, which libdw's reader takes (it skips the
  // vDSO: it reads that from the process's memory).
  std::string proc_maps() const;
  // Where the vDSO is mapped; null when it was not recorded.
  const FileMapping* vdso() const;

 private:
  std::map<uint64_t, FileMapping> by_start_;
};

}  // namespace sct
