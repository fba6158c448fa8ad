#include "engine/ptrace/seccomp_filter.hpp"

#include <linux/audit.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sct {

namespace {
constexpr uint32_t kX32Bit = 0x40000000;

sock_filter stmt(uint16_t code, uint32_t k) { return BPF_STMT(code, k); }
sock_filter jump(uint16_t code, uint32_t k, uint8_t jt, uint8_t jf) { return BPF_JUMP(code, k, jt, jf); }
}  // namespace

std::vector<sock_filter> build_seccomp_filter(const SyscallSet& traced) {
  std::vector<sock_filter> p;
  p.push_back(stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)));
  // Not x86_64: trace.
  p.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0));
  p.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
  p.push_back(stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)));
  // x32 numbers: trace.
  p.push_back(jump(BPF_JMP | BPF_JSET | BPF_K, kX32Bit, 0, 1));
  p.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
  // Runs of consecutive traced numbers become one range test each:
  // if lo <= nr <= hi then trace.
  for (size_t lo = 0; lo < traced.size();) {
    if (!traced.test(lo)) {
      ++lo;
      continue;
    }
    size_t hi = lo;
    while (hi + 1 < traced.size() && traced.test(hi + 1)) ++hi;
    // nr >= lo ? (nr > hi ? next : trace) : next
    p.push_back(jump(BPF_JMP | BPF_JGE | BPF_K, static_cast<uint32_t>(lo), 0, 2));
    p.push_back(jump(BPF_JMP | BPF_JGT | BPF_K, static_cast<uint32_t>(hi), 1, 0));
    p.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
    lo = hi + 1;
  }
  p.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
  return p;
}

std::string install_seccomp_filter(const std::vector<sock_filter>& prog) {
  sock_fprog fprog{static_cast<unsigned short>(prog.size()), const_cast<sock_filter*>(prog.data())};
  if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog) == 0) return {};
  // Without CAP_SYS_ADMIN the kernel wants no_new_privs first.
  if (errno == EACCES && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
      syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog) == 0)
    return {};
  return std::string("seccomp filter: ") + strerror(errno);
}

}  // namespace sct
