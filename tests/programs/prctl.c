/* prctl: each option strace names, with the arguments it shows at entry
 * (signals, capabilities, modes, flags, the task name) and those it reads at
 * exit (PR_GET_NAME, PR_GET_PDEATHSIG...), return values it explains,
 * unknown options and sub-options, bad pointers and high bits. Options that
 * would change how the program runs are called so that they fail. */
#define _GNU_SOURCE
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/prctl.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "marker.h"

#define P(...) syscall(SYS_prctl, __VA_ARGS__)
#define X 0xdead0001UL
#define HI 0xffffffff00000000UL
#define BAD 1UL

int main(void) {
  void *m = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  BEGIN();
  char *name = malloc(32);
  int iv = 0;
  unsigned long ul = 0;

  P(PR_SET_NAME, "short", 0, 0, 0);
  P(PR_GET_NAME, name, 0, 0, 0);
  memset(name, 'a', 32);
  P(PR_SET_NAME, name, X, X, X);
  P(PR_GET_NAME, name, X, X, X);
  P(PR_SET_NAME, "x\001\n\"", 0, 0, 0);
  P(PR_GET_NAME, name, 0, 0, 0);
  P(PR_SET_NAME, BAD, 0, 0, 0);
  P(PR_GET_NAME, BAD, 0, 0, 0);
  P(PR_SET_NAME, "prctl", 0, 0, 0);

  P(PR_SET_PDEATHSIG, SIGUSR1, X, X, X);
  P(PR_GET_PDEATHSIG, &iv, X, X, X);
  P(PR_SET_PDEATHSIG, 0, 0, 0, 0);
  P(PR_GET_PDEATHSIG, &iv, 0, 0, 0);
  P(PR_SET_PDEATHSIG, 200, 0, 0, 0);
  P(PR_SET_PDEATHSIG, HI | SIGKILL, 0, 0, 0);
  P(PR_GET_PDEATHSIG, BAD, 0, 0, 0);
  P(PR_GET_PDEATHSIG, NULL, 0, 0, 0);

  P(PR_GET_DUMPABLE, X, X, X, X);
  P(PR_SET_DUMPABLE, 0, X, X, X);
  P(PR_GET_DUMPABLE, 0, 0, 0, 0);
  P(PR_SET_DUMPABLE, 2, 0, 0, 0);
  P(PR_SET_DUMPABLE, 5, 0, 0, 0);
  P(PR_SET_DUMPABLE, 1, 0, 0, 0);

  P(PR_GET_UNALIGN, &iv, X, X, X);
  P(PR_SET_UNALIGN, 3, X, X, X);
  P(PR_GET_KEEPCAPS, X, X, X, X);
  P(PR_SET_KEEPCAPS, 1, X, X, X);
  P(PR_SET_KEEPCAPS, HI | 1, 0, 0, 0);
  P(PR_SET_KEEPCAPS, 0, 0, 0, 0);
  P(PR_GET_FPEMU, &iv, X, X, X);
  P(PR_SET_FPEMU, 3, X, X, X);
  P(PR_GET_FPEXC, &iv, X, X, X);
  P(PR_SET_FPEXC, 0x100a0, X, X, X);
  P(PR_GET_TIMING, X, X, X, X);
  P(PR_SET_TIMING, 1, X, X, X);
  P(PR_SET_TIMING, 0, X, X, X);
  P(PR_GET_ENDIAN, &iv, X, X, X);
  P(PR_SET_ENDIAN, 1, X, X, X);

  P(PR_GET_SECCOMP, X, X, X, X);
  P(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, NULL, X, X);
  P(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, BAD, X, X);
  P(PR_SET_SECCOMP, SECCOMP_MODE_DISABLED, 1, 2, 3);
  P(PR_SET_SECCOMP, 5, X, X, X);
  P(PR_SET_SECCOMP, HI | SECCOMP_MODE_FILTER, 0, 0, 0);

  P(PR_CAPBSET_READ, CAP_SYS_ADMIN, X, X, X);
  P(PR_CAPBSET_READ, 100, X, X, X);
  P(PR_CAPBSET_READ, HI | CAP_CHOWN, 0, 0, 0);
  P(PR_CAPBSET_DROP, 100, X, X, X);
  P(PR_CAPBSET_DROP, CAP_MKNOD, X, X, X);

  P(PR_GET_TSC, &iv, X, X, X);
  P(PR_SET_TSC, PR_TSC_ENABLE, X, X, X);
  P(PR_SET_TSC, HI | PR_TSC_ENABLE, X, X, X);
  P(PR_SET_TSC, 7, X, X, X);

  P(PR_GET_SECUREBITS, X, X, X, X);
  P(PR_SET_SECUREBITS, 0x10, 0, 0, 0);
  P(PR_GET_SECUREBITS, 0, 0, 0, 0);
  P(PR_SET_SECUREBITS, 0x10 | 0x20 | 0x1 | 0x4 | 0x400, 0, 0, 0);
  P(PR_GET_SECUREBITS, 0, 0, 0, 0);
  P(PR_SET_SECUREBITS, 0, 0, 0, 0);
  P(PR_SET_SECUREBITS, 0x800, 0, 0, 0);

  P(PR_SET_TIMERSLACK, 50000, X, X, X);
  P(PR_GET_TIMERSLACK, X, X, X, X);
  P(PR_SET_TIMERSLACK, HI | 1, 0, 0, 0);
  P(PR_GET_TIMERSLACK, 0, 0, 0, 0);
  P(PR_SET_TIMERSLACK, -1L, 0, 0, 0);
  P(PR_TASK_PERF_EVENTS_DISABLE, X, X, X, X);
  P(PR_TASK_PERF_EVENTS_ENABLE, X, X, X, X);

  P(PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_EARLY, 0, 0);
  P(PR_MCE_KILL_GET, 0, 0, 0, 0);
  P(PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_DEFAULT, 0, 0);
  P(PR_MCE_KILL_GET, 0, 0, 0, 0);
  P(PR_MCE_KILL, PR_MCE_KILL_CLEAR, 0, 0, 0);
  P(PR_MCE_KILL, PR_MCE_KILL_CLEAR, X, X, X);
  P(PR_MCE_KILL, 7, 9, X, X);
  P(PR_MCE_KILL, PR_MCE_KILL_SET, 9, X, X);
  P(PR_MCE_KILL_GET, X, X, X, X);

  P(PR_SET_MM, PR_SET_MM_START_CODE, 0x1000, X, X);
  P(PR_SET_MM, PR_SET_MM_EXE_FILE, -1, X, X);
  P(PR_SET_MM, PR_SET_MM_MAP, 0, 0, X);
  P(PR_SET_MM, PR_SET_MM_MAP_SIZE, &iv, 0, 0);
  P(PR_SET_MM, PR_SET_MM_MAP_SIZE, BAD, 0, 0);
  P(PR_SET_MM, 99, X, X, X);

  P(PR_SET_PTRACER, PR_SET_PTRACER_ANY, X, X, X);
  P(PR_SET_PTRACER, 0, X, X, X);
  P(PR_SET_PTRACER, 1234, X, X, X);
  P(PR_SET_PTRACER, -2L, 0, 0, 0);
  P(PR_SET_PTRACER, HI | 1, 0, 0, 0);

  P(PR_SET_CHILD_SUBREAPER, 1, X, X, X);
  P(PR_GET_CHILD_SUBREAPER, &iv, X, X, X);
  P(PR_GET_CHILD_SUBREAPER, BAD, X, X, X);
  P(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0);

  P(PR_GET_NO_NEW_PRIVS, X, X, X, X);
  P(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
  P(PR_GET_TID_ADDRESS, &ul, X, X, X);
  P(PR_GET_TID_ADDRESS, BAD, X, X, X);
  P(PR_GET_TID_ADDRESS, NULL, 0, 0, 0);
  P(PR_SET_THP_DISABLE, 1, X, X, X);
  P(PR_SET_THP_DISABLE, 1, 0, 0, 0);
  P(PR_GET_THP_DISABLE, 0, 0, 0, 0);
  P(PR_SET_THP_DISABLE, 0, 0, 0, 0);
  P(PR_MPX_ENABLE_MANAGEMENT, X, X, X, X);
  P(PR_MPX_DISABLE_MANAGEMENT, 0, 0, 0, 0);
  P(PR_SET_FP_MODE, 3, X, X, X);
  P(PR_GET_FP_MODE, X, X, X, X);

  P(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_CHOWN, 0, 0);
  P(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_CHOWN, X, X);
  P(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, 100, X, X);
  P(PR_CAP_AMBIENT, PR_CAP_AMBIENT_LOWER, CAP_CHOWN, 0, 0);
  P(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
  P(PR_CAP_AMBIENT, 9, X, X, X);

  P(PR_SVE_SET_VL, 16 | PR_SVE_SET_VL_ONEXEC | PR_SVE_VL_INHERIT, X, X, X);
  P(PR_SVE_SET_VL, 16, X, X, X);
  P(PR_SVE_GET_VL, X, X, X, X);
  P(PR_SME_SET_VL, 16 | PR_SME_SET_VL_ONEXEC, X, X, X);
  P(PR_SME_GET_VL, X, X, X, X);

  P(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, X, X, X);
  P(PR_GET_SPECULATION_CTRL, PR_SPEC_INDIRECT_BRANCH, 0, 0, 0);
  P(PR_GET_SPECULATION_CTRL, PR_SPEC_L1D_FLUSH, 0, 0, 0);
  P(PR_GET_SPECULATION_CTRL, 9, 0, 0, 0);
  P(PR_SET_SPECULATION_CTRL, PR_SPEC_L1D_FLUSH, PR_SPEC_ENABLE, X, X);
  P(PR_SET_SPECULATION_CTRL, PR_SPEC_INDIRECT_BRANCH, PR_SPEC_FORCE_DISABLE | 0x40, 0, 0);
  P(PR_SET_SPECULATION_CTRL, 9, 0x20, X, X);

  P(PR_PAC_RESET_KEYS, 3, X, X, X);
  P(PR_PAC_RESET_KEYS, 0, 0, 0, 0);
  P(PR_PAC_RESET_KEYS, 0x40, 0, 0, 0);
  P(PR_SET_TAGGED_ADDR_CTRL, 1 | PR_MTE_TCF_SYNC | (0xff << PR_MTE_TAG_SHIFT), X, X, X);
  P(PR_SET_TAGGED_ADDR_CTRL, 0, 0, 0, 0);
  P(PR_SET_TAGGED_ADDR_CTRL, 6, 0, 0, 0);
  P(PR_SET_TAGGED_ADDR_CTRL, 0x80000 | 2 | (1 << 3), 0, 0, 0);
  P(PR_SET_TAGGED_ADDR_CTRL, HI | 1, 0, 0, 0);
  P(PR_GET_TAGGED_ADDR_CTRL, X, X, X, X);
  P(PR_SET_IO_FLUSHER, 1, X, X, X);
  P(PR_GET_IO_FLUSHER, X, X, X, X);
  P(PR_PAC_SET_ENABLED_KEYS, 3, 1, X, X);
  P(PR_PAC_GET_ENABLED_KEYS, X, X, X, X);

  P(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0);
  P(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, 0x1000, -1L, &iv);
  P(PR_SET_SYSCALL_USER_DISPATCH, 5, X, X, X);

  P(PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, PR_SCHED_CORE_SCOPE_THREAD, &ul);
  P(PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, 0, 0);
  P(PR_SCHED_CORE, PR_SCHED_CORE_CREATE, 1234, PR_SCHED_CORE_SCOPE_PROCESS_GROUP, X);
  P(PR_SCHED_CORE, PR_SCHED_CORE_SHARE_TO, 0, PR_SCHED_CORE_SCOPE_THREAD_GROUP, 0);
  P(PR_SCHED_CORE, PR_SCHED_CORE_SHARE_FROM, 0, 3, 0);
  P(PR_SCHED_CORE, 9, 1234, 7, X);

  char *vname = malloc(64);
  strcpy(vname, "a-very-long-anon-vma-name-more-than-32-chars-long-indeed");
  P(PR_SET_VMA, PR_SET_VMA_ANON_NAME, m, 8192, "myvma");
  P(PR_SET_VMA, PR_SET_VMA_ANON_NAME, m, 8192, NULL);
  P(PR_SET_VMA, PR_SET_VMA_ANON_NAME, m, 4096, BAD);
  P(PR_SET_VMA, PR_SET_VMA_ANON_NAME, m, 4096, vname);
  P(PR_SET_VMA, HI | PR_SET_VMA_ANON_NAME, m, 4096, X);
  P(PR_SET_VMA, 5, m, 8192, X);

  P(65, X, X, X, X);
  P(0, 0, 0, 0, 0);
  P(HI | PR_GET_DUMPABLE, X, X, X, X);

  /* A seccomp filter that allows everything, in a child (it stays for life). */
  struct sock_filter f[1] = {BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)};
  struct sock_fprog *fp = malloc(sizeof *fp);
  fp->len = 1;
  fp->filter = f;
  P(PR_SET_NO_NEW_PRIVS, 1, X, X, X);
  P(PR_SET_NO_NEW_PRIVS, HI | 1, 0, 0, 0);
  P(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
  pid_t pid = fork();
  if (pid == 0) {
    P(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, fp, 0, 0);
    P(PR_GET_SECCOMP, 0, 0, 0, 0);
    _exit(0);
  }
  waitpid(pid, NULL, 0);
  return 0;
}
