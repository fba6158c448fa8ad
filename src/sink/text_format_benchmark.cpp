// Events decoded and rendered per second, as strace text and as JSON Lines,
// in user space only: the part of a trace's cost that is ours rather than the
// kernel's.
#include <fcntl.h>
#include <sys/stat.h>

#include <benchmark/benchmark.h>

#include "core/output.hpp"
#include "sink/json_sink.hpp"
#include "sink/text_format.hpp"
#include "testing/decode_harness.hpp"
#include "decode/dispatch.hpp"

namespace sct {
namespace {

enum class Format { Text, Json };

void decode_and_render(benchmark::State& state, const char* name, std::array<uint64_t, 6> args,
                       int64_t ret, testing::FakeMemory& mem) {
  DecodeOptions opts;
  Output devnull;
  devnull.open("/dev/null", false);
  JsonSink json(JsonConfig{}, devnull);
  const auto format = static_cast<Format>(state.range(0));
  for (auto _ : state) {
    DecodedCall d;
    d.info = syscall_by_name(name);
    d.nr = d.info->nr;
    for (int i = 0; i < 6; ++i) d.args[i] = args[i];
    decode_entry(1, d, mem, opts);
    d.ret = ret;
    decode_exit(1, d, mem, opts);
    if (format == Format::Text) {
      std::string line = call_line(d, opts);
      benchmark::DoNotOptimize(line);
    } else {
      Event e;
      e.kind = Event::Kind::SyscallExit;
      e.pid = e.tgid = 1;
      e.call = &d;
      json.on_event(e);
    }
  }
  state.SetLabel(format == Format::Text ? "text" : "json");
  state.SetItemsProcessed(state.iterations());
}

void BM_Read(benchmark::State& state) {
  testing::FakeMemory m;
  m.put(0x1000, std::string(4096, 'x'));
  decode_and_render(state, "read", {3, 0x1000, 4096}, 4096, m);
}
BENCHMARK(BM_Read)->Arg(0)->Arg(1);

void BM_Openat(benchmark::State& state) {
  testing::FakeMemory m;
  uint64_t p = m.put_str(0x1000, "/usr/lib/x86_64-linux-gnu/libc.so.6");
  decode_and_render(state, "openat", {uint64_t(AT_FDCWD), p, O_RDONLY | O_CLOEXEC, 0}, 3, m);
}
BENCHMARK(BM_Openat)->Arg(0)->Arg(1);

void BM_Newfstatat(benchmark::State& state) {
  testing::FakeMemory m;
  struct stat st{};
  st.st_mode = S_IFREG | 0644;
  st.st_size = 1234;
  m.put_obj(0x2000, st);
  uint64_t p = m.put_str(0x1000, "");
  decode_and_render(state, "newfstatat", {3, p, 0x2000, AT_EMPTY_PATH}, 0, m);
}
BENCHMARK(BM_Newfstatat)->Arg(0)->Arg(1);

void BM_Getppid(benchmark::State& state) {
  testing::FakeMemory m;
  decode_and_render(state, "getppid", {}, 1, m);
}
BENCHMARK(BM_Getppid)->Arg(0)->Arg(1);

}  // namespace
}  // namespace sct

BENCHMARK_MAIN();
