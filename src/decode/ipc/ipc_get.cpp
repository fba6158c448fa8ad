// shmget, semget, msgget: a key and a flags word whose low nine bits are a
// permission mode.
#include <sys/ipc.h>
#include <sys/shm.h>

#include <fmt/format.h>

#include "core/arg_sets.hpp"
#include "syscalls/arg_set_ids.hpp"
#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {

constexpr unsigned kShmHugeShift = 26;  // SHM_HUGE_SHIFT (<linux/shm.h>)

// key_t is an int: IPC_PRIVATE or its 32 bits in hex.
Value ipc_key(const Call& c, int i) {
  unsigned key = c.uarg(i);
  if (key == IPC_PRIVATE) return Sym{"IPC_PRIVATE", "IpcKey", IPC_PRIVATE};
  return Hex{key};
}

// IPC_CREAT|IPC_EXCL|0600, 000: the flags, then the mode always. For semget
// and msgget strace glues an unnamed residue to the mode ("0x10000644");
// shmget separates it and puts the huge page size field before the mode
// ("0x2000|0644", "21<<SHM_HUGE_SHIFT|0640").
Value ipc_flags(ArgSet set, unsigned v, bool shm) {
  const bool huge_field = shm;
  unsigned huge = huge_field ? v >> kShmHugeShift : 0;
  unsigned bits = v & ~0777u & (huge_field ? (1u << kShmHugeShift) - 1 : ~0u);
  Flags f = flags_of(arg_set_table(set), bits);
  std::string out;
  if (!f.names.empty()) {
    out = render_flags_text(f) + "|";
  } else if (f.residue) {
    out = shm ? fmt::format("{:#x}|", f.residue) : fmt::format("{:#x}", f.residue);
  }
  if (huge) out += fmt::format("{}<<SHM_HUGE_SHIFT|", huge);
  out += fmt::format("0{:02o}", v & 0777);  // %#03o: 000, 0600
  // -X raw: the bits in hex, the size field, the mode (0x800|21<<26|0600).
  Flags word;
  word.names.push_back(std::move(out));
  word.raw = v;
  if (bits) {
    // -X verbose names the known bits after their number (0x10200 /*
    // IPC_CREAT|0x10000 */); bits without a name are a bare number.
    Flags b = flags_of(arg_set_table(set), bits);
    if (b.names.empty()) {
      word.parts.push_back(Hex{bits});
    } else {
      word.parts.push_back(std::move(b));
    }
  }
  if (huge) word.parts.push_back(Sym{fmt::format("{}<<{}", huge, kShmHugeShift), {}, 0, NumBase::Text});
  word.parts.push_back(Oct{v & 0777});
  return word;
}

}  // namespace

bool decode_shmget(Call& c) {
  c.push(ipc_key(c, 0));
  c.push(Uint{c.arg(1)});
  c.push(ipc_flags(ArgSet::ShmGet, c.uarg(2), true));
  return true;
}

bool decode_semget(Call& c) {
  c.push(ipc_key(c, 0));
  c.push(Int{c.iarg(1)});
  c.push(ipc_flags(ArgSet::IpcGet, c.uarg(2), false));
  return true;
}

bool decode_msgget(Call& c) {
  c.push(ipc_key(c, 0));
  c.push(ipc_flags(ArgSet::IpcGet, c.uarg(1), false));
  return true;
}

}  // namespace sct
