#include "engine/ptrace/injector.hpp"

#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>

#include <cerrno>
#include <cstring>

namespace sct {

namespace {

template <class Edit>
bool edit_regs(pid_t tid, Edit edit) {
  user_regs_struct regs;
  if (ptrace(PTRACE_GETREGS, tid, nullptr, &regs) != 0) return false;
  edit(regs);
  return ptrace(PTRACE_SETREGS, tid, nullptr, &regs) == 0;
}

bool poke_words(pid_t tid, uint64_t addr, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    uint64_t a = addr + done;
    uint64_t aligned = a & ~uint64_t{7};
    size_t off = a - aligned;
    size_t take = std::min(bytes.size() - done, sizeof(long) - off);
    long word = 0;
    if (off || take < sizeof word) {
      // A part of a word: keep the bytes around it.
      errno = 0;
      word = ptrace(PTRACE_PEEKDATA, tid, aligned, nullptr);
      if (errno) return false;
    }
    memcpy(reinterpret_cast<char*>(&word) + off, bytes.data() + done, take);
    if (ptrace(PTRACE_POKEDATA, tid, aligned, word) != 0) return false;
    done += take;
  }
  return true;
}

}  // namespace

bool set_syscall_nr(pid_t tid, long nr) {
  return edit_regs(tid, [nr](user_regs_struct& r) { r.orig_rax = static_cast<unsigned long long>(nr); });
}

bool set_return_value(pid_t tid, uint64_t value) {
  return edit_regs(tid, [value](user_regs_struct& r) { r.rax = value; });
}

bool write_pokes(pid_t tid, const uint64_t args[6], const std::vector<Poke>& pokes) {
  for (const Poke& p : pokes) {
    // strace takes @arg7, which no x86_64 call has: it points nowhere.
    uint64_t addr = p.arg < 6 ? args[p.arg] : 0;
    if (p.bytes.empty()) continue;
    if (addr == 0) return false;
    iovec local{const_cast<char*>(p.bytes.data()), p.bytes.size()};
    iovec remote{reinterpret_cast<void*>(addr), p.bytes.size()};
    if (process_vm_writev(tid, &local, 1, &remote, 1, 0) == static_cast<ssize_t>(p.bytes.size())) continue;
    if (!poke_words(tid, addr, p.bytes)) return false;
  }
  return true;
}

}  // namespace sct
