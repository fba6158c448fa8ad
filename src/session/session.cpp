#include "session/session.hpp"

#include <climits>
#include <fmt/format.h>

#include "core/pid_names.hpp"
#include "decode/desc/fcntl.hpp"
#include "decode/dispatch.hpp"
#include "decode/signal/siginfo.hpp"
#include "filter/call_options.hpp"
#include "filter/status_filter.hpp"
#include "session/data_dump.hpp"

namespace sct {

namespace {

int64_t ns_between(const timespec& a, const timespec& b) {
  return (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
}

}  // namespace

// The engine's memory, with what --decode-fds= shows of a descriptor: its
// path from the session's table first (decoded after the fact, a descriptor
// may have been closed or reused since), then the details asked for.
// Command names of traced threads come from the session's memory of them.
// No engine memory (a signal): nothing can be read.
class Session::TableMemory : public Memory {
 public:
  TableMemory(Memory* inner, const Session& s, pid_t tgid, unsigned what,
              std::span<const SocketSnapshot> sockets = {})
      : inner_(inner), s_(s), tgid_(tgid), what_(what), sockets_(sockets) {}
  bool read(uint64_t addr, void* buf, size_t len) override { return inner_ && inner_->read(addr, buf, len); }
  size_t read_prefix(uint64_t addr, void* buf, size_t len) override {
    return inner_ ? inner_->read_prefix(addr, buf, len) : 0;
  }
  std::optional<std::string> read_cstr(uint64_t addr, size_t max, bool* terminated) override {
    if (!inner_) return std::nullopt;
    return inner_->read_cstr(addr, max, terminated);
  }
  std::string fd_path(pid_t pid, int64_t fd) override {
    // The kernel saw this socket there at the call: the table may not know
    // the descriptor (socketpair's), and /proc may no longer have it.
    const SocketSnapshot* snap = nullptr;
    if (what_ & kFdSocket)
      for (const SocketSnapshot& k : sockets_)
        if (k.fd == fd) {
          snap = &k;
          break;
        }
    if (snap) return s_.details_.describe(pid, tgid_, fd, fmt::format("socket:[{}]", snap->inode), what_, snap);
    std::string link;
    if (auto p = s_.fds_.lookup(tgid_, static_cast<int>(fd))) link = *p;
    else link = inner_ ? inner_->fd_path(pid, fd) : Memory::fd_path(pid, fd);
    // -y alone shows the link as it is (and -P matches it).
    if (what_ == kFdPath || what_ == 0) return link;
    return s_.details_.describe(pid, tgid_, fd, link, what_);
  }
  std::string cwd(pid_t pid) override { return inner_ ? inner_->cwd(pid) : Memory::cwd(pid); }
  std::string pid_comm(int64_t pid) override { return s_.task_comm(static_cast<pid_t>(pid)); }

 private:
  Memory* inner_;
  const Session& s_;
  pid_t tgid_;
  unsigned what_;
  std::span<const SocketSnapshot> sockets_;
};

std::vector<std::string> Session::prepare() {
  std::vector<std::string> notes;
  paths_.set_paths(cfg_.filter.paths, notes);
  if (cfg_.quiet_mask & kQuietPathResolution) notes.clear();
  return notes;
}

// The sender of a signal (si_pid) as -Y and --decode-pids show pids.
void Session::describe_sender(Value& siginfo, const RawEvent& e) const {
  auto* s = std::get_if<Struct>(&siginfo.v);
  if (!s) return;
  TableMemory mem(e.mem, *this, e.tgid, kFdPath);
  for (Field& f : s->fields)
    if (f.name == "si_pid")
      if (auto* i = std::get_if<Int>(&f.value.v)) f.value = describe_pid(mem, cfg_.decode, e.tid, i->v, false);
}

const DecodedCall* Session::current_call(pid_t tid) const {
  auto it = threads_.find(tid);
  return it != threads_.end() && it->second.in_call ? &it->second.call : nullptr;
}

std::string Session::task_comm(pid_t tid) const {
  if (auto it = comms_.find(tid); it != comms_.end()) return it->second;
  std::string c = proc_pid_comm(tid);
  // Only threads the trace follows are remembered: their exit says when to
  // forget them. Other ids are read each time, and gone once reaped.
  if (!c.empty() && threads_.count(tid)) comms_[tid] = c;
  return c;
}

Event Session::make_event(Event::Kind k, const RawEvent& e, const Thread* t) const {
  Event ev;
  if (cfg_.decode.pid_comm) ev.comm = task_comm(e.tid);
  ev.kind = k;
  ev.pid = e.tid;
  ev.tgid = e.tgid;
  ev.wall = e.wall;
  ev.mono = e.mono;
  ev.live_tracees = e.live_tasks;
  // The caller that has the thread at hand spares a lookup per call.
  if (!t) {
    auto it = threads_.find(e.tid);
    if (it != threads_.end()) t = &it->second;
  }
  if (t) {
    ev.last_nr = t->call.nr;
    ev.ip = t->call.ip;
    ev.ip_known = t->call.ip_known;
  }
  return ev;
}

void Session::on_raw(const RawEvent& e) {
  using K = RawEvent::Kind;
  switch (e.kind) {
    case K::Entry: on_entry(e); break;
    case K::Exit: on_exit(e); break;
    case K::Signal: {
      Event ev = make_event(Event::Kind::Signal, e);
      // Where the signal found the thread, as the engine saw it.
      if (e.nr >= 0) ev.last_nr = e.nr;
      ev.ip = e.ip;
      ev.ip_known = e.ip_known;
      ev.sig = e.sig;
      ev.siginfo = decode_siginfo(e.siginfo);
      ev.shown = signal_shown(cfg_.filter, e.sig);
      if (pids_shown()) describe_sender(ev.siginfo, e);
      ev.stack = e.stack;
      sink_.on_event(ev);
      break;
    }
    case K::GroupStop: {
      Event ev = make_event(Event::Kind::GroupStop, e);
      ev.sig = e.sig;
      sink_.on_event(ev);
      break;
    }
    case K::NewTask:
      // A new process starts with its creator's descriptors.
      if (cfg_.track_fds && e.child_tgid != e.tgid) fds_.inherit(e.tgid, e.child_tgid);
      // And its name, until it execs: known even when an engine that
      // decodes late finds the child gone from /proc.
      if (cfg_.decode.pid_comm)
        if (std::string c = task_comm(e.tid); !c.empty()) comms_[e.child] = std::move(c);
      break;
    case K::Exec: on_exec(e); break;
    case K::TaskExit: on_task_exit(e); break;
    case K::Lost: {
      Event ev = make_event(Event::Kind::Lost, e);
      ev.lost = e.lost;
      sink_.on_event(ev);
      break;
    }
    case K::Detached:
      threads_.erase(e.tid);
      sink_.on_event(make_event(Event::Kind::Detached, e));
      break;
    case K::KnownFds:
      if (cfg_.track_fds) fds_.learn_open(e.tgid, e.before_exec);
      break;
    case K::Counts: {
      DecodedCall d;
      d.nr = e.nr;
      d.info = syscall_by_nr(e.nr);
      Event ev = make_event(Event::Kind::Counts, e);
      ev.call = &d;
      ev.counts = &e.counts;
      sink_.on_event(ev);
      break;
    }
  }
}

void Session::on_entry(const RawEvent& e) {
  Thread& t = threads_[e.tid];
  t.tgid = e.tgid;
  t.in_call = true;
  t.call.reset();
  t.call.nr = e.nr;
  t.call.info = syscall_by_nr(e.nr);
  for (int i = 0; i < 6; ++i) t.call.args[i] = e.args[i];
  t.call.sp = e.sp;
  t.call.ip = e.ip;
  t.call.ip_known = e.ip_known;
  t.entry_mono = e.mono;
  t.entry_cpu_ns = e.cpu_clock_ns;
  t.entry_stack.clear();
  t.traced = cfg_.filter.traces(e.nr);
  details_.learn(e.sockets);
  if (!t.traced) return;
  TableMemory tm(e.mem, *this, e.tgid, cfg_.decode.decode_fds, e.sockets);
  const bool table = cfg_.track_fds || pids_shown() || cfg_.decode.decode_fds;
  Memory& mem = table ? static_cast<Memory&>(tm) : *e.mem;
  // -P matches paths, not what --decode-fds= adds to them.
  TableMemory plain(e.mem, *this, e.tgid, kFdPath);
  t.traced = !paths_.active() || paths_.matches(e.tid, t.call, table ? static_cast<Memory&>(plain) : *e.mem);
  if (t.traced && cfg_.filter.fds_active) t.traced = touches_traced_fd(t.call);
  if (!t.traced) return;
  // strace tampers only with calls it traces, and counts only those; the
  // engine acts before the entry is decoded, so pokes show in it.
  const Tampering* how = e.tamperer && injector_.active() ? injector_.decide(e.tid, e.nr) : nullptr;
  if (how) e.tamperer->tamper(*how);
  DecodeOptions scratch;
  if (cfg_.decode_args) decode_entry(e.tid, t.call, mem, call_options(cfg_.decode, cfg_.filter, vary_, e.nr, scratch));
  if (e.stack) t.entry_stack = *e.stack;
  Event ev = make_event(Event::Kind::SyscallEntry, e, &t);
  ev.call = &t.call;
  emit_call(ev);
  // exit and exit_group do not come back, unless -e inject= made them fail.
  if (t.call.info && t.call.info->ret == Ret::None && !(how && how->replace)) {
    // The line ends now, as in strace.
    ev.kind = Event::Kind::SyscallNoReturn;
    emit_call(ev);
    t.in_call = false;
  }
}

// --trace-fds=: whether an argument the row types as a descriptor is one of
// the set (AT_FDCWD is none).
bool Session::touches_traced_fd(const DecodedCall& c) const {
  if (!c.info) return false;
  for (int i = 0; i < c.info->nargs && i < 6; ++i) {
    ArgT t = c.info->args[i];
    if ((t == ArgT::Fd || t == ArgT::DirFd) && cfg_.filter.traces_fd(static_cast<int>(c.args[i]))) return true;
  }
  return false;
}

void Session::on_exit(const RawEvent& e) {
  auto it = threads_.find(e.tid);
  // Its entry was not seen (lost, or before the trace began).
  if (it == threads_.end() || !it->second.in_call || (e.nr >= 0 && it->second.call.nr != e.nr)) return;
  Thread& t = it->second;
  t.in_call = false;
  t.call.ret = e.ret;
  t.call.tampered = e.tampered;
  TableMemory tm(e.mem, *this, t.tgid, cfg_.decode.decode_fds, e.sockets);
  const bool table = cfg_.track_fds || pids_shown() || cfg_.decode.decode_fds;
  Memory& mem = table ? static_cast<Memory&>(tm) : *e.mem;
  if (cfg_.track_fds) track_fds(t, e, mem);
  details_.learn(e.sockets);
  if (!t.traced) return;
  DecodeOptions scratch;
  if (cfg_.decode_args)
    decode_exit(e.tid, t.call, mem, call_options(cfg_.decode, cfg_.filter, vary_, t.call.nr, scratch));
  if (cfg_.decode_args && (cfg_.decode.read_data.any() || cfg_.decode.write_data.any()) &&
      collect_data(t.call, mem, cfg_.decode))
    ++cut_dumps_;
  Event ev = make_event(Event::Kind::SyscallExit, e, &t);
  ev.call = &t.call;
  ev.duration_ns = ns_between(t.entry_mono, e.mono);
  ev.cpu_ns = std::max<int64_t>(0, e.cpu_clock_ns - t.entry_cpu_ns);
  ev.stack = e.stack ? e.stack : t.entry_stack.empty() ? nullptr : &t.entry_stack;
  ev.stack_at_entry = has_role(t.call.info, RExec);
  emit_call(ev);
}

void Session::track_fds(const Thread& t, const RawEvent& e, Memory& mem) {
  const DecodedCall& c = t.call;
  if (!c.info || call_failed(c)) return;
  if (has_role(c.info, RClose)) {
    fds_.forget(t.tgid, static_cast<int>(c.args[0]));
    details_.forget(t.tgid, static_cast<int>(c.args[0]));
    return;
  }
  if (has_role(c.info, RFdPair)) {
    for (int i = 0; i < 2; ++i) {
      if (e.pair_fds[i] < 0) continue;
      if (e.pair_hints[i].empty()) fds_.forget(t.tgid, e.pair_fds[i]);
      else fds_.learn(t.tgid, e.pair_fds[i], std::string(e.pair_hints[i]));
    }
    return;
  }
  // fcntl's F_DUPFD and F_DUPFD_CLOEXEC return a copy as dup does.
  const bool dup_command = fcntl_returns_dup(c);
  if (c.info->ret != Ret::Fd && !dup_command) return;
  int fd = static_cast<int>(c.ret);
  std::string path(e.fd_hint);
  if (path.empty() && (has_role(c.info, RDup) || dup_command)) {
    fds_.copy(t.tgid, static_cast<int>(c.args[0]), fd);
    return;
  }
  // Else the absolute path it was opened by.
  for (int i = 0; path.empty() && i < c.info->nargs; ++i) {
    bool terminated = false;
    if (c.info->args[i] != ArgT::Path) continue;
    if (auto p = mem.read_cstr(c.args[i], PATH_MAX, &terminated); p && terminated && p->starts_with('/'))
      path = *p;
  }
  if (path.empty()) fds_.forget(t.tgid, fd);
  else fds_.learn(t.tgid, fd, std::move(path));
}

void Session::end_unreturned(const Thread& t, const RawEvent& e) {
  if (!t.in_call || !t.traced) return;
  Event ev = make_event(Event::Kind::SyscallNoReturn, e);
  ev.call = &t.call;
  emit_call(ev);
}

void Session::emit_call(Event& ev) {
  // Under -e status= a call's line waits for its outcome: its entry is not
  // shown, and the exit shows the whole call if the outcome passes.
  const bool by_status = cfg_.filter.status != kStatusAll;
  if (ev.kind == Event::Kind::SyscallEntry) {
    ev.shown = !by_status;
  } else {
    const bool ended = ev.kind == Event::Kind::SyscallExit;
    ev.entry_shown = !by_status;
    ev.shown = status_shown(cfg_.filter, ended, ended && call_failed(*ev.call));
  }
  sink_.on_event(ev);
}

void Session::on_exec(const RawEvent& e) {
  // A new program, a new command name.
  comms_.erase(e.tid);
  comms_.erase(e.former);
  if (e.former == e.tid) return;
  // A thread ran execve and took its leader's pid (the leader's own call
  // ended with its TaskExit): the thread's execve goes on under that pid.
  auto old = threads_.find(e.former);
  if (old != threads_.end()) {
    Thread moved = std::move(old->second);
    threads_.erase(old);
    moved.tgid = e.tid;
    threads_[e.tid] = std::move(moved);
  }
  Event ev = make_event(Event::Kind::Superseded, e);
  ev.new_pid = e.former;
  sink_.on_event(ev);
}

void Session::on_task_exit(const RawEvent& e) {
  if (e.no_line) comms_.erase(e.tid);
  injector_.forget(e.tid);
  Event ev = make_event(Event::Kind::Exited, e);
  // A thread that has ended has no instruction pointer to show (-i).
  ev.ip_known = false;
  // A process that exited made exit_group (or exit) last, even when the
  // engine was not asked to stop there (-n shows it, as strace does).
  const SyscallInfo* last = syscall_by_nr(ev.last_nr);
  if (WIFEXITED(e.status) && !(last && last->ret == Ret::None))
    if (const SyscallInfo* g = syscall_by_name("exit_group")) ev.last_nr = g->nr;
  auto it = threads_.find(e.tid);
  // -k: the stack of the exit or exit_group that ended it (strace prints it
  // after "+++ exited").
  UserStack last_stack;
  if (it != threads_.end()) {
    end_unreturned(it->second, e);
    // Only that call's: a process whose exit_group is not traced shows
    // none, though its last traced call left its entry's stack here.
    const Thread& t = it->second;
    if (!t.in_call && t.traced && t.call.info && t.call.info->ret == Ret::None)
      last_stack = std::move(it->second.entry_stack);
    threads_.erase(it);
  }
  // A leader that another thread's execve ended does not exit: it is
  // superseded (the Exec that follows).
  if (e.no_line) return;
  set_wait_status(ev, e.status);
  if (!last_stack.empty()) ev.stack = &last_stack;
  ev.stack_at_entry = true;
  sink_.on_event(ev);
  comms_.erase(e.tid);
}

}  // namespace sct
