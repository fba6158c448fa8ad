// The eBPF engine's full trace: the kernel streams a record at each traced
// call's entry and exit, with the memory the capture plan names; this side
// turns them into the same RawEvents as the ptrace engine's, served by the
// captured memory, for the session to decode. The tracee is never stopped.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/raw_event.hpp"
#include "engine/capture/captured_memory.hpp"
#include "engine/capture/stream_abi.h"
#include "engine/ebpf/launch.hpp"
#include "engine/engine.hpp"
#include "engine/engine_config.hpp"
#include "stack/stack_unwinder.hpp"

struct stream_bpf;
struct ring_buffer;

namespace sct {

class StreamTracer : public Engine {
 public:
  StreamTracer(EngineConfig cfg, RawEventSink& sink) : opts_(std::move(cfg)), sink_(sink) {
    if (opts_.stack_trace)
      stacks_.emplace(StackOptions{opts_.stack_frame_limit, opts_.stack_source_lines, true});
  }
  // -k: the user stack bytes the kernel copies per record at most, by
  // default: the most a record holds. The copy ends at the stack's top, so
  // a shallow stack costs only its depth; Python's import machinery lies
  // more than 16 KiB deep.
  static constexpr size_t kDefaultStackCapture = 32760;
  ~StreamTracer();
  StreamTracer(const StreamTracer&) = delete;
  StreamTracer& operator=(const StreamTracer&) = delete;

  // Loads and attaches the programs, then starts the command or adds the
  // -p threads. Returns an error message or empty.
  const Capabilities& capabilities() const override;
  std::string start() override;
  // Turns records into events until every traced thread is gone (or a
  // termination signal). Returns the started command's exit status.
  int run() override;
  int fatal_signal() const override { return fatal_signal_; }
  bool output_failed() const override { return output_failed_; }
  // Records the kernel could not fit in the ring buffer.
  uint64_t lost() const { return lost_; }

 private:
  // What a thread's records need to be put together: the call it is in,
  // and the captures of its entry (the session keeps the call's meaning).
  struct Thread {
    pid_t tgid = 0;
    bool in_call = false;
    long nr = -1;
    uint64_t args[6] = {};
    uint64_t sp = 0;
    uint64_t ip = 0;  // at entry (-i)
    std::vector<uint8_t> entry_record;  // its captures serve the exit too
    CapturedMemory entry_memory;        // the captures of entry_record
    uint64_t entry_ns = 0;
    // -k: an exec's stack was unwound at entry, in the program it replaced.
    bool exec_unwound = false;
  };

  // The programs loaded and attached, the -p threads added.
  std::string load();
  // A -p thread blocked in a call when tracing began (its entry never
  // seen): its line starts now, as strace's does once it has attached, and
  // the call's exit record ends it.
  void enter_in_progress(const CallInProgress& c);
  static int on_record(void* self, void* data, size_t size);
  void handle(const uint8_t* rec, size_t size);
  void on_enter(const sct_record& r, const uint8_t* rec, size_t size);
  // `exit_memory`: the captures of the call's exit record, when it is the next.
  void emit_entry(pid_t tid, const CapturedMemory* exit_memory);
  void on_exit(const sct_record& r, const uint8_t* rec, size_t size);
  void on_task_exit(const sct_record& r);
  void on_exec(const sct_record& r);
  // The pending entry is an execve whose strings could not be copied at
  // entry: the exec's record (SCT_AT_EXEC_*) brings them.
  bool exec_strings_missing();
  // Ends the pending entry before record `r`, with what `r` can add to it.
  void flush_pending(const sct_record& r, const uint8_t* rec, size_t size);
  void on_signal(const sct_record& r, const uint8_t* rec, size_t size);
  std::string pair_names_[2];  // what the last exit's pair hints point into
  bool exec_arrays_long();
  // -k: a file mapping the kernel sent (at exec, or after a call that maps).
  void on_mapping(const sct_record& r, const uint8_t* rec, size_t size);
  // Tracing stops while the threads run on: each line in progress ends as
  // strace's detach ends it.
  void detach_all();
  RawEvent make_event(RawEvent::Kind k, const sct_record& r);
  Thread& thread(pid_t tid, pid_t tgid);
  uint64_t dropped_since_last() const;

  const EngineConfig opts_;
  RawEventSink& sink_;
  stream_bpf* skel_ = nullptr;
  ring_buffer* rb_ = nullptr;
  std::map<pid_t, Thread> threads_;
  CapturedMemory exit_memory_;
  int64_t wall_offset_ns_ = 0;  // CLOCK_REALTIME - CLOCK_MONOTONIC
  pid_t child_ = 0;
  int exit_status_ = 0;
  int fatal_signal_ = 0;
  bool output_failed_ = false;
  uint64_t lost_ = 0;
  size_t ring_kib_ = 0;   // the ring buffer's size as made
  pid_t last_tid_ = 0;    // whose record came last
  // -k: unwinds the copied stacks with the same libdw code as ptrace.
  std::optional<StackUnwinder> stacks_;
  UserStack unwind(pid_t tgid, pid_t tid, const CapturedMemory& mem);
  pid_t pending_ = 0;  // a thread whose entry record is not handed on yet
  // Exits of threads that another thread's execve ended, held while that
  // execve's entry waits for the exec's record (exec_strings_missing).
  std::vector<std::vector<uint8_t>> held_exits_;
  bool track_fds_ = false;  // -y or -P: descriptor paths are needed later
  bool sock_details_ = false;  // -yy: the kernel copies sockets (sock_capture.bpf.h)
  std::vector<SocketSnapshot> sockets_;  // the current event's copies
};

}  // namespace sct
