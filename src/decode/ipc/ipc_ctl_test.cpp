#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#include <cstdint>
#include <cstring>

#include <gtest/gtest.h>

#include "testing/decode_harness.hpp"

namespace sct::testing {
namespace {

constexpr uint64_t kBuf = 0x7000;

// Expected lines: strace 6.1's (tests/golden/sysv_ctl.out).
TEST(SysvCtl, StatIsReadAtExit) {
  FakeMemory m;
  shmid_ds d;
  std::memset(&d, 0, sizeof d);
  d.shm_perm.__key = -5;
  d.shm_perm.uid = 0xffffffff;
  d.shm_perm.mode = 02640;
  d.shm_segsz = 4096;
  d.shm_cpid = 42;
  d.shm_ctime = 1700000000;
  m.put_obj(kBuf, d);
  EXPECT_EQ(trace_line_unpadded("shmctl", {0, IPC_STAT, kBuf}, 0, m),
            "shmctl(0, IPC_STAT, {shm_perm={uid=-1, gid=0, mode=02640, key=4294967291, cuid=0, cgid=0}, "
            "shm_segsz=4096, shm_cpid=42, shm_lpid=0, shm_nattch=0, shm_atime=0, shm_dtime=0, "
            "shm_ctime=1700000000}) = 0");
  EXPECT_EQ(trace_line_unpadded("shmctl", {0, IPC_SET, kBuf}, 0, m),
            "shmctl(0, IPC_SET, {shm_perm={uid=-1, gid=0, mode=02640}}) = 0");
  EXPECT_EQ(trace_line_unpadded("shmctl", {0, IPC_STAT, kBuf}, -22, m),
            "shmctl(0, IPC_STAT, 0x7000) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("shmctl", {0, IPC_STAT, 1}, -14, m),
            "shmctl(0, IPC_STAT, 0x1) = -1 EFAULT (Bad address)");
}

TEST(SysvCtl, CommandsAndTheVersionFlag) {
  FakeMemory m;
  EXPECT_EQ(trace_line_unpadded("shmctl", {0, 0xffffffff00000000 | IPC_RMID, 0}, 0, m), "shmctl(0, IPC_RMID, NULL) = 0");
  EXPECT_EQ(trace_line_unpadded("shmctl", {0, 0x102, kBuf}, -22, m),
            "shmctl(0, IPC_64|IPC_STAT, 0x7000) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("shmctl", {0, 0x163, 1}, -22, m),
            "shmctl(0, IPC_64|0x63 /* SHM_??? */, 0x1) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(trace_line_unpadded("msgctl", {0, 99, 1}, -22, m),
            "msgctl(0, 0x63 /* MSG_??? */, 0x1) = -1 EINVAL (Invalid argument)");
  // 13 is SHM_STAT, GETALL and MSG_STAT_ANY: the family decides.
  EXPECT_EQ(trace_line_unpadded("semctl", {0, 0, GETALL, kBuf}, 0, m), "semctl(0, 0, GETALL, 0x7000) = 0");
  EXPECT_EQ(trace_line_unpadded("semctl", {0, 1, SETVAL, static_cast<uint64_t>(-1)}, -34, m),
            "semctl(0, 1, SETVAL, 0xffffffffffffffff) = -1 ERANGE (Numerical result out of range)");
  EXPECT_EQ(trace_line_unpadded("semctl", {0, 1, GETVAL, 0}, 5, m), "semctl(0, 1, GETVAL, NULL) = 5");
}

TEST(SysvCtl, InfoAndQueueLimits) {
  FakeMemory m;
  msginfo mi{512000, 16384, 8192, 16384, 32000, 16, 16384, 65535};
  m.put_obj(kBuf, mi);
  EXPECT_EQ(trace_line_unpadded("msgctl", {0, IPC_INFO, kBuf}, 0, m),
            "msgctl(0, IPC_INFO, {msgpool=512000, msgmap=16384, msgmax=8192, msgmnb=16384, msgmni=32000, "
            "msgssz=16, msgtql=16384, msgseg=65535}) = 0");
  msqid_ds d;
  std::memset(&d, 0, sizeof d);
  d.msg_perm.uid = 5;
  d.msg_perm.mode = 0600;
  d.msg_qbytes = 100;
  m.put_obj(kBuf, d);
  EXPECT_EQ(trace_line_unpadded("msgctl", {0, IPC_SET, kBuf}, 0, m),
            "msgctl(0, IPC_SET, {msg_perm={uid=5, gid=0, mode=0600}, msg_qbytes=100}) = 0");
}

}  // namespace
}  // namespace sct::testing
