// Events decoded and rendered per second, in user space only: the part of a
// trace's cost that is ours rather than the kernel's.
#include <fcntl.h>
#include <sys/stat.h>

#include <benchmark/benchmark.h>

#include "sink/text_format.hpp"
#include "testing/decode_harness.hpp"

namespace sct {
namespace {

void decode_and_render(benchmark::State& state, const char* name, std::array<uint64_t, 6> args,
                       int64_t ret, testing::FakeMemory& mem) {
  DecodeOptions opts;
  for (auto _ : state) {
    DecodedCall d;
    d.info = syscall_by_name(name);
    d.nr = d.info->nr;
    for (int i = 0; i < 6; ++i) d.args[i] = args[i];
    decode_entry(1, d, mem, opts);
    d.ret = ret;
    decode_exit(1, d, mem, opts);
    std::string line = call_line(d, opts);
    benchmark::DoNotOptimize(line);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Read(benchmark::State& state) {
  testing::FakeMemory m;
  m.put(0x1000, std::string(4096, 'x'));
  decode_and_render(state, "read", {3, 0x1000, 4096}, 4096, m);
}
BENCHMARK(BM_Read);

void BM_Openat(benchmark::State& state) {
  testing::FakeMemory m;
  uint64_t p = m.put_str(0x1000, "/usr/lib/x86_64-linux-gnu/libc.so.6");
  decode_and_render(state, "openat", {uint64_t(AT_FDCWD), p, O_RDONLY | O_CLOEXEC, 0}, 3, m);
}
BENCHMARK(BM_Openat);

void BM_Newfstatat(benchmark::State& state) {
  testing::FakeMemory m;
  struct stat st{};
  st.st_mode = S_IFREG | 0644;
  st.st_size = 1234;
  m.put_obj(0x2000, st);
  uint64_t p = m.put_str(0x1000, "");
  decode_and_render(state, "newfstatat", {3, p, 0x2000, AT_EMPTY_PATH}, 0, m);
}
BENCHMARK(BM_Newfstatat);

void BM_Getppid(benchmark::State& state) {
  testing::FakeMemory m;
  decode_and_render(state, "getppid", {}, 1, m);
}
BENCHMARK(BM_Getppid);

}  // namespace
}  // namespace sct

BENCHMARK_MAIN();
