#include "session/session.hpp"

#include <climits>

#include "decode/signal/siginfo.hpp"
#include "decode/dispatch.hpp"
#include "filter/call_options.hpp"

namespace sct {

namespace {

int64_t ns_between(const timespec& a, const timespec& b) {
  return (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
}

// The engine's memory, with descriptor paths from the session's table first:
// decoded after the fact, a descriptor may have been closed or reused since.
class TableMemory : public Memory {
 public:
  TableMemory(Memory& inner, const FdTable& fds, pid_t tgid) : inner_(inner), fds_(fds), tgid_(tgid) {}
  bool read(uint64_t addr, void* buf, size_t len) override { return inner_.read(addr, buf, len); }
  std::optional<std::string> read_cstr(uint64_t addr, size_t max, bool* terminated) override {
    return inner_.read_cstr(addr, max, terminated);
  }
  std::string fd_path(pid_t pid, int64_t fd) override {
    if (auto p = fds_.lookup(tgid_, static_cast<int>(fd))) return *p;
    return inner_.fd_path(pid, fd);
  }
  std::string cwd(pid_t pid) override { return inner_.cwd(pid); }

 private:
  Memory& inner_;
  const FdTable& fds_;
  pid_t tgid_;
};

}  // namespace

std::vector<std::string> Session::prepare() {
  std::vector<std::string> notes;
  paths_.set_paths(cfg_.filter.paths, notes);
  if (cfg_.quiet_mask & kQuietPathResolution) notes.clear();
  return notes;
}

const DecodedCall* Session::current_call(pid_t tid) const {
  auto it = threads_.find(tid);
  return it != threads_.end() && it->second.in_call ? &it->second.call : nullptr;
}

Event Session::make_event(Event::Kind k, const RawEvent& e) const {
  Event ev;
  ev.kind = k;
  ev.pid = e.tid;
  ev.tgid = e.tgid;
  ev.wall = e.wall;
  ev.mono = e.mono;
  ev.live_tracees = e.live_tasks;
  if (auto it = threads_.find(e.tid); it != threads_.end()) {
    ev.last_nr = it->second.call.nr;
    ev.ip = it->second.call.ip;
    ev.ip_known = it->second.call.ip_known;
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
  t.traced = cfg_.filter.traces(e.nr);
  if (!t.traced) return;
  TableMemory tm(*e.mem, fds_, e.tgid);
  Memory& mem = cfg_.track_fds ? static_cast<Memory&>(tm) : *e.mem;
  t.traced = !paths_.active() || paths_.matches(e.tid, t.call, mem);
  if (t.traced && cfg_.filter.fds_active) t.traced = touches_traced_fd(t.call);
  if (!t.traced) return;
  if (cfg_.decode_args) decode_entry(e.tid, t.call, mem, call_options(cfg_.decode, cfg_.filter, e.nr));
  Event ev = make_event(Event::Kind::SyscallEntry, e);
  ev.call = &t.call;
  sink_.on_event(ev);
  if (t.call.info && t.call.info->ret == Ret::None) {
    // exit and exit_group do not come back: the line ends now, as in strace.
    ev.kind = Event::Kind::SyscallNoReturn;
    sink_.on_event(ev);
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
  TableMemory tm(*e.mem, fds_, t.tgid);
  Memory& mem = cfg_.track_fds ? static_cast<Memory&>(tm) : *e.mem;
  if (cfg_.track_fds) track_fds(t, e, mem);
  if (!t.traced) return;
  if (cfg_.decode_args) decode_exit(e.tid, t.call, mem, call_options(cfg_.decode, cfg_.filter, t.call.nr));
  Event ev = make_event(Event::Kind::SyscallExit, e);
  ev.call = &t.call;
  ev.duration_ns = ns_between(t.entry_mono, e.mono);
  ev.cpu_ns = std::max<int64_t>(0, e.cpu_clock_ns - t.entry_cpu_ns);
  sink_.on_event(ev);
}

void Session::track_fds(const Thread& t, const RawEvent& e, Memory& mem) {
  const DecodedCall& c = t.call;
  if (!c.info || call_failed(c)) return;
  if (has_role(c.info, RClose)) {
    fds_.forget(t.tgid, static_cast<int>(c.args[0]));
    return;
  }
  if (c.info->ret != Ret::Fd) return;
  int fd = static_cast<int>(c.ret);
  std::string path(e.fd_hint);
  if (path.empty() && has_role(c.info, RDup)) {
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
  sink_.on_event(ev);
}

void Session::on_exec(const RawEvent& e) {
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
  Event ev = make_event(Event::Kind::Exited, e);
  // A thread that has ended has no instruction pointer to show (-i).
  ev.ip_known = false;
  // A process that exited made exit_group (or exit) last, even when the
  // engine was not asked to stop there (-n shows it, as strace does).
  const SyscallInfo* last = syscall_by_nr(ev.last_nr);
  if (WIFEXITED(e.status) && !(last && last->ret == Ret::None))
    if (const SyscallInfo* g = syscall_by_name("exit_group")) ev.last_nr = g->nr;
  auto it = threads_.find(e.tid);
  if (it != threads_.end()) {
    end_unreturned(it->second, e);
    threads_.erase(it);
  }
  // A leader that another thread's execve ended does not exit: it is
  // superseded (the Exec that follows).
  if (e.no_line) return;
  set_wait_status(ev, e.status);
  sink_.on_event(ev);
}

}  // namespace sct
