#include <sys/uio.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

// strace 6.1's output is the spec (tests/golden/splicing.out).
TEST(Splice, OffsetsBeforeTheCall) {
  FakeMemory m;
  uint64_t off = m.put_obj(0x1000, int64_t{5});
  EXPECT_EQ(trace_line_unpadded("splice", {3, off, 4, 0, 4, 1}, 4, m), "splice(3, [5], 4, NULL, 4, SPLICE_F_MOVE) = 4");
  EXPECT_EQ(trace_line_unpadded("copy_file_range", {3, 0x9000, 4, off, 2, 0}, -14, m),
            "copy_file_range(3, 0x9000, 4, [5], 2, 0) = -1 EFAULT (Bad address)");
}

TEST(ProcessVm, LocalDataRemoteAddressesAndFailedReads) {
  FakeMemory m;
  m.put(0x2000, "hello");
  iovec local[1] = {{reinterpret_cast<void*>(0x2000), 5}};
  iovec remote[1] = {{reinterpret_cast<void*>(0x3000), 5}};
  uint64_t l = m.put_obj(0x1000, local), r = m.put_obj(0x1100, remote);
  EXPECT_EQ(trace_line_unpadded("process_vm_readv", {7, l, 1, r, 1, 0}, 3, m),
            R"(process_vm_readv(7, [{iov_base="hel", iov_len=5}], 1, [{iov_base=0x3000, iov_len=5}], 1, 0) = 3)");
  EXPECT_EQ(trace_line_unpadded("process_vm_readv", {7, l, 1, r, 1, 0}, -3, m),
            "process_vm_readv(7, [{iov_base=0x2000, iov_len=5}], 1, [{iov_base=0x3000, iov_len=5}], 1, 0) = -1 "
            "ESRCH (No such process)");
  EXPECT_EQ(trace_line_unpadded("readv", {5, l, 1}, -9, m),
            "readv(5, [{iov_base=0x2000, iov_len=5}], 1) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(trace_line_unpadded("process_madvise", {3, 0x9000, 1, 0xffff, 1}, -22, m),
            "process_madvise(3, 0x9000, 1, 0xffff /* MADV_??? */, 0x1) = -1 EINVAL (Invalid argument)");
}

}  // namespace
}  // namespace sct::testing
