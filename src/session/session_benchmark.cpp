// Calls per second through the session: an engine's entry and exit
// RawEvents, decoded and handed on as Events (to a sink that keeps nothing).
// Beside BM_Read and friends (decoding and rendering, sink/), this is what
// the session adds to every call of either engine.
#include <fcntl.h>

#include <benchmark/benchmark.h>

#include <array>

#include "session/session.hpp"
#include "testing/decode_harness.hpp"

namespace sct {
namespace {

struct NullSink : Sink {
  void on_event(const Event& e) override { benchmark::DoNotOptimize(e.call); }
  void flush() override {}
};

void through_session(benchmark::State& state, const char* name, std::array<uint64_t, 6> args, int64_t ret,
                     testing::FakeMemory& mem, bool track_fds) {
  NullSink sink;
  SessionConfig cfg;
  cfg.track_fds = track_fds;
  Session session(cfg, sink);
  RawEvent in;
  in.kind = RawEvent::Kind::Entry;
  in.tid = in.tgid = 1;
  in.nr = syscall_by_name(name)->nr;
  for (int i = 0; i < 6; ++i) in.args[i] = args[i];
  in.mem = &mem;
  RawEvent out = in;
  out.kind = RawEvent::Kind::Exit;
  out.ret = ret;
  for (auto _ : state) {
    session.on_raw(in);
    session.on_raw(out);
  }
  state.SetLabel(track_fds ? "fd table" : "");
  state.SetItemsProcessed(state.iterations());
}

void BM_SessionRead(benchmark::State& state) {
  testing::FakeMemory m;
  m.put(0x1000, std::string(4096, 'x'));
  through_session(state, "read", {3, 0x1000, 4096}, 4096, m, state.range(0));
}
BENCHMARK(BM_SessionRead)->Arg(0)->Arg(1);

void BM_SessionOpenat(benchmark::State& state) {
  testing::FakeMemory m;
  uint64_t p = m.put_str(0x1000, "/usr/lib/x86_64-linux-gnu/libc.so.6");
  through_session(state, "openat", {uint64_t(AT_FDCWD), p, O_RDONLY | O_CLOEXEC, 0}, 3, m, state.range(0));
}
BENCHMARK(BM_SessionOpenat)->Arg(0)->Arg(1);

void BM_SessionGetppid(benchmark::State& state) {
  testing::FakeMemory m;
  through_session(state, "getppid", {}, 1, m, state.range(0));
}
BENCHMARK(BM_SessionGetppid)->Arg(0)->Arg(1);

}  // namespace
}  // namespace sct
