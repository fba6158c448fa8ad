#include "engine/snapshot/user_stack.hpp"

#include <elfutils/libdwfl.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include <fmt/format.h>

#include "engine/snapshot/symbolizer.hpp"

namespace sct {

namespace {

int64_t now_ns() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

// Waits for the seized thread's PTRACE_EVENT_STOP; false if it is gone.
bool wait_for_stop(pid_t tid) {
  for (;;) {
    int status = 0;
    pid_t r = waitpid(tid, &status, __WALL);
    if (r < 0 && errno == EINTR) continue;
    if (r != tid || WIFEXITED(status) || WIFSIGNALED(status)) return false;
    if (WIFSTOPPED(status) && (status >> 16) == PTRACE_EVENT_STOP) return true;
    // A signal arrived first: deliver it as the kernel would have, then
    // ask again.
    if (WIFSTOPPED(status)) {
      const long sig = (status >> 16) == 0 ? WSTOPSIG(status) : 0;
      if (ptrace(PTRACE_CONT, tid, nullptr, reinterpret_cast<void*>(sig)) != 0) return false;
      if (ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr) != 0) return false;
    }
  }
}

struct UnwindState {
  const StackCopy* copy = nullptr;
  bool given = false;
};

pid_t next_thread(Dwfl*, void* arg, void** thread_arg) {
  auto* s = static_cast<UnwindState*>(arg);
  if (s->given) return 0;
  s->given = true;
  *thread_arg = arg;
  return s->copy->tid;
}

bool memory_read(Dwfl*, Dwarf_Addr addr, Dwarf_Word* result, void* arg) {
  const StackCopy& c = *static_cast<UnwindState*>(arg)->copy;
  if (addr >= c.base && addr + sizeof *result <= c.base + c.stack.size()) {
    memcpy(result, c.stack.data() + (addr - c.base), sizeof *result);
    return true;
  }
  // Outside the window (a frame pointer chain's far end, a signal frame):
  // read live; the thread runs again, so this may be stale but is harmless.
  iovec local{result, sizeof *result};
  iovec remote{reinterpret_cast<void*>(addr), sizeof *result};
  return process_vm_readv(c.tgid, &local, 1, &remote, 1, 0) == static_cast<ssize_t>(sizeof *result);
}

bool set_initial_registers(Dwfl_Thread* thread, void* arg) {
  const user_regs_struct& r = static_cast<UnwindState*>(arg)->copy->regs;
  // The DWARF register numbers of x86_64 (the psABI): rax, rdx, rcx, rbx,
  // rsi, rdi, rbp, rsp, r8..r15, then the return address (rip).
  const Dwarf_Word regs[17] = {r.rax, r.rdx, r.rcx, r.rbx, r.rsi, r.rdi, r.rbp, r.rsp, r.r8,
                               r.r9,  r.r10, r.r11, r.r12, r.r13, r.r14, r.r15, r.rip};
  return dwfl_thread_state_registers(thread, 0, 17, regs);
}

struct Frames {
  std::vector<Dwarf_Addr> pcs;
  size_t max;
};

int on_frame(Dwfl_Frame* frame, void* arg) {
  auto* f = static_cast<Frames*>(arg);
  Dwarf_Addr pc = 0;
  bool activation = false;
  if (!dwfl_frame_pc(frame, &pc, &activation)) return DWARF_CB_ABORT;
  // A return address points after the call: look the caller up by pc - 1.
  f->pcs.push_back(activation ? pc : pc - 1);
  return f->pcs.size() >= f->max ? DWARF_CB_ABORT : DWARF_CB_OK;
}

}  // namespace

StackCopy copy_user_stack(pid_t tgid, pid_t tid) {
  StackCopy c;
  c.tgid = tgid;
  c.tid = tid;
  // PTRACE_SEIZE neither stops nor signals; PTRACE_INTERRUPT stops the
  // thread without a signal, and a call it was in restarts after the detach.
  if (ptrace(PTRACE_SEIZE, tid, nullptr, nullptr) != 0) {
    c.error = fmt::format("PTRACE_SEIZE: {}", strerror(errno));
    return c;
  }
  const int64_t start = now_ns();
  bool stopped = ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr) == 0 && wait_for_stop(tid);
  if (stopped && ptrace(PTRACE_GETREGS, tid, nullptr, &c.regs) == 0) {
    c.base = c.regs.rsp;
    c.stack.resize(kStackWindow);
    iovec local{c.stack.data(), c.stack.size()};
    iovec remote{reinterpret_cast<void*>(c.base), c.stack.size()};
    // A partial read stops at the end of the stack's mapping.
    ssize_t n = process_vm_readv(tgid, &local, 1, &remote, 1, 0);
    c.stack.resize(n > 0 ? static_cast<size_t>(n) : 0);
  } else {
    c.error = stopped ? fmt::format("PTRACE_GETREGS: {}", strerror(errno)) : "the thread did not stop";
  }
  ptrace(PTRACE_DETACH, tid, nullptr, nullptr);
  c.stopped_ns = now_ns() - start;
  return c;
}

struct StackUnwinder::State {
  pid_t tgid;
  Dwfl* dwfl = nullptr;
  bool attached = false;
  UnwindState current;
  Symbolizer symbols;
  explicit State(pid_t pid) : tgid(pid), symbols(pid) {}
};

StackUnwinder::StackUnwinder(pid_t tgid) : state_(std::make_unique<State>(tgid)) {
  static char* debuginfo_path = nullptr;
  static const Dwfl_Callbacks callbacks = {dwfl_linux_proc_find_elf, dwfl_standard_find_debuginfo, nullptr,
                                           &debuginfo_path};
  static const Dwfl_Thread_Callbacks thread_callbacks = {next_thread, nullptr, memory_read, set_initial_registers,
                                                         nullptr, nullptr};
  state_->dwfl = dwfl_begin(&callbacks);
  if (!state_->dwfl) return;
  state_->attached = dwfl_linux_proc_report(state_->dwfl, tgid) == 0 &&
                     dwfl_report_end(state_->dwfl, nullptr, nullptr) == 0 &&
                     dwfl_attach_state(state_->dwfl, nullptr, tgid, &thread_callbacks, &state_->current);
}

StackUnwinder::~StackUnwinder() {
  if (state_->dwfl) dwfl_end(state_->dwfl);
}

std::vector<std::string> StackUnwinder::unwind(const StackCopy& copy, size_t max_frames) {
  std::vector<std::string> out;
  if (!copy.error.empty()) return out;
  Frames frames{{}, max_frames};
  if (state_->attached) {
    state_->current = UnwindState{&copy, false};
    dwfl_getthread_frames(state_->dwfl, copy.tid, on_frame, &frames);
  }
  if (frames.pcs.empty()) frames.pcs.push_back(copy.regs.rip);
  for (size_t i = 0; i < frames.pcs.size(); ++i)
    out.push_back(fmt::format("#{:<2} {:#x} {}", i, frames.pcs[i], state_->symbols.describe(frames.pcs[i])));
  return out;
}

}  // namespace sct
