#include "stack/recorded_maps.hpp"

#include <fmt/format.h>

#include <vector>

namespace sct {

void RecordedMaps::add(FileMapping m) {
  if (m.end <= m.start) return;
  // The first mapping that may overlap starts at or before m.start.
  auto it = by_start_.upper_bound(m.start);
  if (it != by_start_.begin()) --it;
  std::vector<FileMapping> kept;
  while (it != by_start_.end() && it->second.start < m.end) {
    const FileMapping& old = it->second;
    if (old.end <= m.start) {
      ++it;
      continue;
    }
    if (old.start < m.start) {
      FileMapping left = old;
      left.end = m.start;
      kept.push_back(left);
    }
    if (old.end > m.end) {
      FileMapping right = old;
      right.offset += m.end - old.start;
      right.start = m.end;
      kept.push_back(right);
    }
    it = by_start_.erase(it);
  }
  for (FileMapping& k : kept) by_start_.emplace(k.start, std::move(k));
  if (!m.path.empty()) by_start_.emplace(m.start, std::move(m));
}

const FileMapping* RecordedMaps::vdso() const {
  for (const auto& [start, m] : by_start_)
    if (m.path == kVdsoName) return &m;
  return nullptr;
}

std::string RecordedMaps::proc_maps() const {
  std::string out;
  for (const auto& [start, m] : by_start_) {
    fmt::format_to(std::back_inserter(out), "{:08x}-{:08x} {}{}{}{} {:08x} {:02x}:{:02x} {} {}\n", m.start, m.end,
                   m.flags & kMapRead ? 'r' : '-', m.flags & kMapWrite ? 'w' : '-', m.flags & kMapExec ? 'x' : '-',
                   m.flags & kMapShared ? 's' : 'p', m.offset, m.dev >> 20, m.dev & 0xfffff, m.inode, m.path);
  }
  return out;
}

}  // namespace sct
