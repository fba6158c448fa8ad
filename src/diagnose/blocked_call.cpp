#include "diagnose/blocked_call.hpp"

#include <ctime>

#include "engine/snapshot/snapshot_memory.hpp"
#include "session/session.hpp"
#include "sink/text_format.hpp"

namespace sct {

namespace {

// Keeps the entry the session made of the one raw event it is given.
class EntryCatcher : public Sink {
 public:
  void on_event(const Event& e) override {
    if (e.kind == Event::Kind::SyscallEntry && e.call) call = *e.call;
  }
  void flush() override {}
  DecodedCall call;
};

}  // namespace

BlockedCall decode_blocked_call(const ThreadSnapshot& t, const DecodeOptions& opts) {
  SnapshotMemory mem(t.tgid);
  RawEvent e;
  e.kind = RawEvent::Kind::Entry;
  e.tid = t.tid;
  e.tgid = t.tgid;
  clock_gettime(CLOCK_REALTIME, &e.wall);
  clock_gettime(CLOCK_MONOTONIC, &e.mono);
  e.nr = t.nr;
  for (int i = 0; i < 6; ++i) e.args[i] = t.args[i];
  e.sp = t.sp;
  e.mem = &mem;
  EntryCatcher catcher;
  SessionConfig cfg;
  cfg.decode = opts;
  Session session(cfg, catcher);
  session.on_raw(e);
  BlockedCall out;
  out.call = std::move(catcher.call);
  out.text = call_entry_text(out.call, opts);
  // As the text sink ends a line another tracee interrupts ("read(0,  <unfinished ...>").
  out.text += " <unfinished ...>";
  return out;
}

}  // namespace sct
