// clone, clone3. What the kernel writes (the parent's tid) and what strace
// shows late (child_tidptr) are printed at exit.
#include <linux/sched.h>
#include <sched.h>

#include <string>

#include "core/call.hpp"
#include "core/xlat.hpp"

namespace sct {

namespace {

constexpr XlatEntry kCloneFlags[] = {
    XLAT(CLONE_VM),        XLAT(CLONE_FS),           XLAT(CLONE_FILES),       XLAT(CLONE_SIGHAND),
    XLAT(CLONE_PIDFD),     XLAT(CLONE_PTRACE),       XLAT(CLONE_VFORK),       XLAT(CLONE_PARENT),
    XLAT(CLONE_THREAD),    XLAT(CLONE_NEWNS),        XLAT(CLONE_SYSVSEM),     XLAT(CLONE_SETTLS),
    XLAT(CLONE_PARENT_SETTID), XLAT(CLONE_CHILD_CLEARTID), XLAT(CLONE_DETACHED),
    XLAT(CLONE_UNTRACED),  XLAT(CLONE_CHILD_SETTID), XLAT(CLONE_NEWCGROUP),   XLAT(CLONE_NEWUTS),
    XLAT(CLONE_NEWIPC),    XLAT(CLONE_NEWUSER),      XLAT(CLONE_NEWPID),      XLAT(CLONE_NEWNET),
    XLAT(CLONE_IO),        XLAT_PAIR(0x100000000ULL, "CLONE_CLEAR_SIGHAND"),
    XLAT_PAIR(0x200000000ULL, "CLONE_INTO_CGROUP"),
};

// The low byte of clone's flags is the exit signal.
Value clone_flags(uint64_t v, bool with_signal) {
  Flags f = flags_of(XSET(kCloneFlags), with_signal ? v & ~uint64_t{0xff} : v);
  if (uint64_t sig = with_signal ? v & 0xff : 0) {
    std::string n = signal_name(static_cast<int>(sig));
    f.names.push_back(n.empty() ? std::to_string(sig) : n);
    // -X raw: the flags, then the signal in decimal (0x1200000|17).
    f.parts = {flags_of(XSET(kCloneFlags), v & ~uint64_t{0xff}), signal_value(static_cast<int64_t>(sig))};
  }
  f.raw = v;
  return f;
}

Value tid_at(Call& c, uint64_t addr) {
  auto t = c.read<int>(addr);
  if (!t) return c.ptr(addr);
  return Array{{Int{*t}}};
}

struct CloneArgs {
  uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid,
      set_tid_size, cgroup;
};

}  // namespace

// x86_64 argument order: flags, stack, parent_tid, child_tid, tls.
bool decode_clone(Call& c) {
  uint64_t flags = c.arg(0);
  if (c.entering()) {
    c.push(named("child_stack", c.ptr(c.arg(1))));
    c.push(named("flags", clone_flags(flags, true)));
    return false;
  }
  if (flags & CLONE_PARENT_SETTID)
    c.push(named("parent_tid", c.failed() ? c.ptr(c.arg(2)) : tid_at(c, c.arg(2))));
  if (flags & CLONE_SETTLS) c.push(named("tls", c.ptr(c.arg(4))));
  if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
    c.push(named("child_tidptr", c.ptr(c.arg(3))));
  return true;
}

bool decode_clone3(Call& c) {
  uint64_t addr = c.arg(0);
  auto a = c.read<CloneArgs>(addr);
  if (c.entering()) {
    if (!a) {
      c.push(c.ptr(addr));
    } else {
      Struct s;
      s.fields.push_back({"flags", clone_flags(a->flags, false)});
      if (a->flags & CLONE_PIDFD) s.fields.push_back({"pidfd", c.ptr(a->pidfd)});
      if (a->flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
        s.fields.push_back({"child_tid", c.ptr(a->child_tid)});
      if (a->flags & CLONE_PARENT_SETTID) s.fields.push_back({"parent_tid", c.ptr(a->parent_tid)});
      s.fields.push_back({"exit_signal", signal_value(static_cast<int64_t>(a->exit_signal))});
      s.fields.push_back({"stack", c.ptr(a->stack)});
      s.fields.push_back({"stack_size", Hex{a->stack_size}});
      if (a->flags & CLONE_SETTLS) s.fields.push_back({"tls", c.ptr(a->tls)});
      if (a->set_tid) s.fields.push_back({"set_tid", c.ptr(a->set_tid)});
      if (a->set_tid_size) s.fields.push_back({"set_tid_size", Uint{a->set_tid_size}});
      if (a->flags & 0x200000000ULL) s.fields.push_back({"cgroup", Uint{a->cgroup}});
      c.push(std::move(s));
    }
    return false;
  }
  // What the kernel stored for the parent: " => {parent_tid=[1235]}".
  if (a && !c.failed() && (a->flags & (CLONE_PARENT_SETTID | CLONE_PIDFD))) {
    Struct after;
    if (a->flags & CLONE_PIDFD) after.fields.push_back({"pidfd", tid_at(c, a->pidfd)});
    if (a->flags & CLONE_PARENT_SETTID) after.fields.push_back({"parent_tid", tid_at(c, a->parent_tid)});
    c.set_changed(0, std::move(after));
  }
  c.push(Uint{c.arg(1)});
  return true;
}

}  // namespace sct
