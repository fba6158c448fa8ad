// The wait-for graph of --why-stuck: for each thread, what it waits for (a
// lock, the other end of a pipe or socket, a child) and which threads can
// end that wait. Built from snapshots, loading other processes as the
// edges reach them (docs/diagnosis.md).
#pragma once

#include <sys/types.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/decode_options.hpp"
#include "diagnose/blocked_call.hpp"
#include "engine/snapshot/descriptors.hpp"
#include "engine/snapshot/net_tables.hpp"
#include "engine/snapshot/thread_snapshot.hpp"

namespace sct {

struct Wait {
  // lock: a mutex or rwlock with a known owner; join: a thread's exit; pipe,
  // socket, eventfd: the other end; child: wait4/waitid; the rest have no
  // thread to wait for: sleep, signal, poll, futex (no owner known), fd.
  std::string kind;
  std::string object;   // "mutex 0x55d0c0a8", "pipe:[88123]", "socket:[9]"
  std::string phrase;   // "waits for mutex 0x55d0c0a8 held by"
  std::vector<pid_t> targets;  // the threads that can end the wait
  bool bounded = false;        // it has a timeout: never part of a deadlock
  std::string note;            // why there is no target, or more of the object
  int64_t total_ns = -1;       // a relative sleep's length
  int64_t left_ns = -1;        // an absolute sleep's time left
  // Processes that may end the wait but could not be read (not permitted,
  // or past the limit of processes read): the wait is then never called a
  // deadlock, and the report names them.
  std::vector<pid_t> unread;
};

struct ThreadInfo {
  ThreadSnapshot snap;
  bool has_call = false;
  BlockedCall call;
  std::string pc_symbol;  // the instruction pointer's symbol
  Wait wait;
  // --stacks: the user stack, copied while the thread was stopped.
  bool stack_asked = false;
  int64_t stopped_ns = 0;
  std::vector<std::string> user_stack;
  std::string user_stack_error;
};

class WaitGraph {
 public:
  explicit WaitGraph(DecodeOptions opts) : opts_(opts) {}
  // Reads process `pid` and works out what each of its threads waits for,
  // following the edges into other processes; false with `err` when `pid`
  // itself cannot be read.
  bool add(pid_t pid, SnapshotError& err);
  // The children of a process (from every /proc/PID/stat's PPid).
  std::vector<pid_t> children_of(pid_t pid);
  const ThreadInfo* thread(pid_t tid) const;
  ThreadInfo* thread(pid_t tid) { return threads_.count(tid) ? threads_[tid].get() : nullptr; }
  const ProcessSnapshot* process(pid_t pid) const;
  // The threads of process `pid`, as read.
  std::vector<pid_t> threads_of_process(pid_t pid) const;
  // Processes whose descriptors could not be read (when a descriptor's
  // other end was looked for).
  int unreadable_processes() const { return unreadable_; }

 private:
  // Loads a process reached by an edge; null when it cannot be read.
  const ProcessSnapshot* load(pid_t pid);
  // Reads a process the first time it is asked for; later, what was read.
  const ProcessSnapshot* read_once(pid_t pid, SnapshotError& err);
  void analyse(ThreadInfo& t);
  void wait_on_futex(ThreadInfo& t);
  void wait_on_fd(ThreadInfo& t, bool reading);
  void wait_on_child(ThreadInfo& t);
  void wait_in_sleep(ThreadInfo& t);
  // Every thread of the processes holding these descriptors.
  std::vector<pid_t> threads_holding(const std::vector<Descriptor>& ds, Wait& w);
  // Process `pid` may end wait `w` but could not be read.
  void unread(Wait& w, pid_t pid);
  std::string name(pid_t tid) const;

  DecodeOptions opts_;
  std::map<pid_t, ProcessSnapshot> processes_;
  std::map<pid_t, std::unique_ptr<ThreadInfo>> threads_;
  std::vector<pid_t> pending_;  // processes reached, not yet analysed
  std::optional<std::multimap<pid_t, pid_t>> children_;  // by parent
  std::optional<DescriptorIndex> descriptors_;
  int unreadable_ = 0;
};

}  // namespace sct
