#include "diagnose/wait_graph.hpp"

#include <fcntl.h>
#include <linux/futex.h>
#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

#include "diagnose/blocking_calls.hpp"
#include "diagnose/lock_owner.hpp"
#include "engine/snapshot/proc_files.hpp"
#include "engine/snapshot/snapshot_memory.hpp"
#include "engine/snapshot/symbolizer.hpp"

namespace sct {

namespace {

// How many processes the edges may reach: a chain longer than this is
// reported as far as it was followed.
constexpr size_t kMaxProcesses = 64;

struct KernelTimespec {
  int64_t sec;
  int64_t nsec;
};

int64_t ns_of(const KernelTimespec& ts) { return ts.sec * 1000000000LL + ts.nsec; }

}  // namespace

const ThreadInfo* WaitGraph::thread(pid_t tid) const {
  auto it = threads_.find(tid);
  return it == threads_.end() ? nullptr : it->second.get();
}

const ProcessSnapshot* WaitGraph::process(pid_t pid) const {
  auto it = processes_.find(pid);
  return it == processes_.end() ? nullptr : &it->second;
}

std::vector<pid_t> WaitGraph::threads_of_process(pid_t pid) const {
  std::vector<pid_t> out;
  if (const ProcessSnapshot* p = process(pid))
    for (const ThreadSnapshot& t : p->threads) out.push_back(t.tid);
  return out;
}

std::string WaitGraph::name(pid_t tid) const {
  const ThreadInfo* t = thread(tid);
  return t ? fmt::format("{} ({})", tid, t->snap.comm) : std::to_string(tid);
}

std::vector<pid_t> WaitGraph::children_of(pid_t pid) {
  if (!children_) {
    children_.emplace();
    std::string text;
    for (int p : numeric_entries("/proc")) {
      if (read_text("/proc/" + std::to_string(p) + "/stat", text)) continue;
      size_t close = text.rfind(')');
      if (close == std::string::npos) continue;
      int ppid = 0;
      if (sscanf(text.c_str() + close + 2, "%*c %d", &ppid) == 1) children_->emplace(ppid, p);
    }
  }
  std::vector<pid_t> out;
  auto [b, e] = children_->equal_range(pid);
  for (auto it = b; it != e; ++it) out.push_back(it->second);
  std::sort(out.begin(), out.end());
  return out;
}

const ProcessSnapshot* WaitGraph::load(pid_t pid) {
  if (processes_.size() >= kMaxProcesses && !processes_.count(pid)) return nullptr;
  SnapshotError err;
  return read_once(pid, err);
}

const ProcessSnapshot* WaitGraph::read_once(pid_t pid, SnapshotError& err) {
  if (auto it = processes_.find(pid); it != processes_.end()) return &it->second;
  ProcessSnapshot p;
  if (!read_process(pid, p, err)) return nullptr;
  auto& stored = processes_[pid] = std::move(p);
  for (const ThreadSnapshot& t : stored.threads) {
    auto info = std::make_unique<ThreadInfo>();
    info->snap = t;
    threads_[t.tid] = std::move(info);
  }
  pending_.push_back(pid);
  return &stored;
}

bool WaitGraph::add(pid_t pid, SnapshotError& err) {
  if (!read_once(pid, err)) return false;
  while (!pending_.empty()) {
    pid_t next = pending_.front();
    pending_.erase(pending_.begin());
    const ProcessSnapshot* p = process(next);
    if (!p) continue;
    std::optional<Symbolizer> symbols;
    for (const ThreadSnapshot& ts : p->threads) {
      ThreadInfo& t = *threads_[ts.tid];
      if (t.snap.where == ThreadSnapshot::Where::InCall || t.snap.where == ThreadSnapshot::Where::OutsideCall) {
        if (!symbols) symbols.emplace(next);
        t.pc_symbol = symbols->describe(t.snap.pc);
      }
      analyse(t);
    }
  }
  return true;
}

void WaitGraph::analyse(ThreadInfo& t) {
  if (t.snap.where != ThreadSnapshot::Where::InCall) return;
  t.has_call = true;
  t.call = decode_blocked_call(t.snap, opts_);
  // A stopped thread waits for SIGCONT, whatever call it was in.
  if (t.snap.state == 'T' || t.snap.state == 't' || t.snap.state == 'Z' || t.snap.state == 'R') return;
  const SyscallInfo* info = t.call.call.info;
  if (!info) return;
  switch (blocking_call(info->name).kind) {
    case Blocking::Futex: wait_on_futex(t); break;
    case Blocking::FdRead: wait_on_fd(t, true); break;
    case Blocking::FdWrite: wait_on_fd(t, false); break;
    case Blocking::Accept: {
      t.wait.kind = "accept";
      const int fd = static_cast<int>(t.snap.args[0]);
      auto d = read_descriptor(t.snap.tgid, fd);
      t.wait.object = d ? d->target : fmt::format("descriptor {}", fd);
      if (d && d->kind == Descriptor::Kind::Socket) {
        const std::vector<NetSocket> table = read_net_tables(t.snap.tgid);
        if (const NetSocket* s = socket_by_inode(table, d->inode))
          t.wait.object += fmt::format(" ({} {})", s->proto, s->local);
      }
      t.wait.note = "waits for a connection";
      break;
    }
    case Blocking::Child: wait_on_child(t); break;
    case Blocking::Vfork: wait_on_child(t); break;
    case Blocking::Sleep: wait_in_sleep(t); break;
    case Blocking::Signal:
      t.wait.kind = "signal";
      t.wait.note = "waits for a signal";
      break;
    case Blocking::Poll:
      t.wait.kind = "poll";
      t.wait.note = "waits for any of several descriptors";
      break;
    case Blocking::None: break;
  }
}

void WaitGraph::wait_on_futex(ThreadInfo& t) {
  const uint64_t uaddr = t.snap.args[0], op = t.snap.args[1];
  t.wait.kind = "futex";
  t.wait.object = fmt::format("futex {:#x}", uaddr);
  if (!futex_op_waits(op)) return;
  // FUTEX_WAIT, WAIT_BITSET and LOCK_PI take their timeout in argument 4.
  t.wait.bounded = t.snap.args[3] != 0;
  SnapshotMemory mem(t.snap.tgid);
  const std::vector<pid_t> threads = threads_of_process(t.snap.tgid);
  if (auto owner = futex_lock_owner(mem, uaddr, op, threads)) {
    t.wait.kind = "lock";
    t.wait.object = fmt::format("{} {:#x}", owner->kind, owner->lock);
    t.wait.phrase = fmt::format("waits for {} {}by", t.wait.object, owner->kind == "rwlock" ? "write-locked " : "held ");
    t.wait.targets = {owner->owner};
    return;
  }
  // pthread_join sleeps on the joined thread's tid word until the kernel
  // clears it at the thread's exit (CLONE_CHILD_CLEARTID).
  int word = 0;
  if (mem.read(uaddr, &word, sizeof word) && word != t.snap.tid &&
      std::find(threads.begin(), threads.end(), word) != threads.end()) {
    t.wait.kind = "join";
    t.wait.object = fmt::format("thread {}", word);
    t.wait.phrase = "waits for the exit of";
    t.wait.targets = {word};
    return;
  }
  t.wait.note = "no owner known: not a held mutex or rwlock (a condition variable, a semaphore, ...)";
}

std::vector<pid_t> WaitGraph::threads_holding(const std::vector<Descriptor>& ds, Wait& w) {
  std::vector<pid_t> out;
  std::vector<pid_t> seen;
  for (const Descriptor& d : ds) {
    if (std::find(seen.begin(), seen.end(), d.pid) != seen.end()) continue;
    seen.push_back(d.pid);
    if (!load(d.pid)) {
      unread(w, d.pid);
      continue;
    }
    for (pid_t tid : threads_of_process(d.pid)) out.push_back(tid);
  }
  return out;
}

void WaitGraph::unread(Wait& w, pid_t pid) {
  // Whoever it is might end the wait: never a deadlock (findings.cpp), and said.
  w.unread.push_back(pid);
}

void WaitGraph::wait_on_fd(ThreadInfo& t, bool reading) {
  const int fd = static_cast<int>(t.snap.args[0]);
  auto d = read_descriptor(t.snap.tgid, fd);
  t.wait.kind = "fd";
  t.wait.object = d ? d->target : fmt::format("descriptor {}", fd);
  if (!d) return;
  if (!descriptors_) descriptors_.emplace();
  const char* verb = reading ? "reads" : "writes";
  const uint64_t fifo = d->kind == Descriptor::Kind::Other && d->target.starts_with("/") ? fifo_inode(t.snap.tgid, fd) : 0;
  if (fifo) d->kind = Descriptor::Kind::Pipe;
  switch (d->kind) {
    case Descriptor::Kind::Pipe: {
      t.wait.kind = fifo ? "fifo" : "pipe";
      if (fifo) t.wait.object = "FIFO " + d->target;
      // The other end: descriptors open for writing when this one reads,
      // for reading when it writes (fdinfo flags, O_ACCMODE).
      std::vector<Descriptor> ends;
      for (const Descriptor& h : fifo ? descriptors_->fifo_holders(d->target, fifo) : descriptors_->holders(d->inode)) {
        int acc = descriptor_flags(h.pid, h.fd) & O_ACCMODE;
        if (acc == O_RDWR || acc == (reading ? O_WRONLY : O_RDONLY)) ends.push_back(h);
      }
      t.wait.phrase = fmt::format("{} {} whose {} is", verb, t.wait.object, reading ? "writer" : "reader");
      t.wait.targets = threads_holding(ends, t.wait);
      if (t.wait.targets.empty() && t.wait.unread.empty())
        t.wait.note = fmt::format("no process holds its {} end", reading ? "write" : "read");
      break;
    }
    case Descriptor::Kind::Socket: {
      t.wait.kind = "socket";
      const std::vector<NetSocket> table = read_net_tables(t.snap.tgid);
      const NetSocket* s = socket_by_inode(table, d->inode);
      if (!s) {
        t.wait.note = "not a TCP, UDP or UNIX socket of its network namespace";
        break;
      }
      if (s->proto == "unix") {
        t.wait.object += fmt::format(" (UNIX{}{})", s->local.empty() ? "" : " ", s->local);
        t.wait.note = "a UNIX socket's peer is known only to a NETLINK_SOCK_DIAG query (UNIX_DIAG_PEER)";
        break;
      }
      t.wait.object += fmt::format(" ({} {} -> {}, {})", s->proto, s->local, s->remote,
                                   s->proto.starts_with("tcp") ? tcp_state_name(s->state) : "datagram");
      if (!s->proto.starts_with("tcp")) {
        t.wait.note = "a datagram socket has no peer to wait for";
        break;
      }
      const NetSocket* peer = tcp_peer(table, *s);
      if (peer && peer->inode) {
        t.wait.phrase = fmt::format("{} {} whose peer is held by", verb, t.wait.object);
        t.wait.targets = threads_holding(descriptors_->holders(peer->inode), t.wait);
      } else if (const NetSocket* l = peer ? tcp_listener(table, *s) : nullptr) {
        // Connected by the kernel, waiting in the listener's accept queue.
        t.wait.phrase = fmt::format("{} {} whose peer, not yet accepted, waits on the listening socket of", verb,
                                    t.wait.object);
        t.wait.targets = threads_holding(descriptors_->holders(l->inode), t.wait);
      }
      if (t.wait.targets.empty() && t.wait.unread.empty())
        t.wait.note = peer ? "no process of this host holds the peer" : "the peer is not on this host";
      break;
    }
    case Descriptor::Kind::EventFd: {
      t.wait.kind = "eventfd";
      const std::string id = eventfd_id(t.snap.tgid, fd);
      t.wait.object = id.empty() ? "eventfd" : "eventfd (id " + id + ")";
      std::vector<Descriptor> others;
      for (const Descriptor& h : descriptors_->eventfd_holders(id))
        if (!(h.pid == t.snap.tgid && h.fd == fd)) others.push_back(h);
      t.wait.phrase = fmt::format("{} {}, also held by", verb, t.wait.object);
      t.wait.targets = threads_holding(others, t.wait);
      std::erase(t.wait.targets, t.snap.tid);
      if (id.empty()) t.wait.note = "this kernel's fdinfo has no eventfd-id: other holders unknown";
      break;
    }
    case Descriptor::Kind::Other: break;
  }
  unreadable_ = descriptors_->unreadable();
  // Where nobody was found, somebody whose descriptors could not be
  // searched may be the other end.
  if (t.wait.targets.empty() && unreadable_ && t.wait.note.starts_with("no process "))
    t.wait.note = fmt::format("no process whose descriptors could be read {}; those of {} could not be (run as root)",
                              t.wait.note.substr(11), unreadable_);
}

void WaitGraph::wait_on_child(ThreadInfo& t) {
  const std::string call(t.call.call.info->name);
  long pid = 0;
  int idtype = P_ALL;
  // vfork's parent sleeps (in D) until its child execs or exits: any child
  // may be that one, as /proc does not mark it.
  if (call == "vfork") {
  } else if (call == "wait4") {
    pid = static_cast<int>(t.snap.args[0]);
    idtype = pid > 0 ? P_PID : pid == -1 ? P_ALL : P_PGID;
    if (pid == 0) pid = processes_[t.snap.tgid].pgid;
    if (pid < -1) pid = -pid;
  } else {
    idtype = static_cast<int>(t.snap.args[0]);
    pid = static_cast<int>(t.snap.args[1]);
    if (idtype == P_PGID && pid == 0) pid = processes_[t.snap.tgid].pgid;
  }
  t.wait.kind = "child";
  std::vector<pid_t> kids;
  for (pid_t c : children_of(t.snap.tgid)) {
    const ProcessSnapshot* p = load(c);
    if (!p) {
      unread(t.wait, c);
      continue;
    }
    if (idtype == P_ALL || (idtype == P_PID && c == pid) || (idtype == P_PGID && p->pgid == pid)) kids.push_back(c);
  }
  t.wait.object = kids.empty() ? "no child" : kids.size() == 1 ? fmt::format("child {}", kids[0])
                                                                 : fmt::format("{} children", kids.size());
  t.wait.phrase = fmt::format("waits in {} for child", call);
  for (pid_t c : kids)
    for (pid_t tid : threads_of_process(c)) t.wait.targets.push_back(tid);
  if (kids.empty() && t.wait.unread.empty()) t.wait.note = "no child it waits for exists";
}

void WaitGraph::wait_in_sleep(ThreadInfo& t) {
  t.wait.kind = "sleep";
  t.wait.bounded = true;
  t.wait.object = "a sleep";
  SnapshotMemory mem(t.snap.tgid);
  const std::string call(t.call.call.info->name);
  // nanosleep(req, rem); clock_nanosleep(clockid, flags, req, rem).
  const bool clock = call == "clock_nanosleep";
  const uint64_t req = clock ? t.snap.args[2] : t.snap.args[0];
  auto ts = mem.read_as<KernelTimespec>(req);
  if (!ts) return;
  if (clock && (t.snap.args[1] & TIMER_ABSTIME)) {
    timespec now{};
    clock_gettime(static_cast<clockid_t>(t.snap.args[0]), &now);
    t.wait.left_ns = std::max<int64_t>(0, ns_of(*ts) - (now.tv_sec * 1000000000LL + now.tv_nsec));
    t.wait.object = fmt::format("a sleep until a set time, {:.1f} s from now", t.wait.left_ns / 1e9);
  } else {
    t.wait.total_ns = ns_of(*ts);
    t.wait.object = fmt::format("a sleep of {:.1f} s", t.wait.total_ns / 1e9);
  }
}

}  // namespace sct
