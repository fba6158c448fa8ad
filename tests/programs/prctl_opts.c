/* prctl's options as everyday programs use them: thread names (a name
 * longer than the kernel keeps, a bad pointer), the parent-death signal,
 * the dumpable flag, the capability bounding set (procps reads it), the
 * no-new-privileges bit, secure bits, and options strace shows in hex. */
#define _GNU_SOURCE
#include <linux/capability.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include "marker.h"

#define BAD ((void *)1)

int main(void) {
  BEGIN();
  char name[16];
  int v;
  char *heap = malloc(64);
  strcpy(heap, "worker");
  prctl(PR_SET_NAME, heap, 0, 0, 0);
  prctl(PR_GET_NAME, name, 0, 0, 0);
  strcpy(heap, "exactly15chars!");
  prctl(PR_SET_NAME, heap, 0, 0, 0);
  strcpy(heap, "a-name-longer-than-the-kernel-keeps");
  prctl(PR_SET_NAME, heap, 0, 0, 0);
  prctl(PR_GET_NAME, name, 0, 0, 0);
  prctl(PR_SET_NAME, BAD, 0, 0, 0);
  prctl(PR_GET_NAME, BAD, 0, 0, 0);
  prctl(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0);
  prctl(PR_GET_PDEATHSIG, &v, 0, 0, 0);
  prctl(PR_SET_PDEATHSIG, 0, 0, 0, 0);
  prctl(PR_GET_PDEATHSIG, BAD, 0, 0, 0);
  prctl(PR_SET_PDEATHSIG, 200, 0, 0, 0);
  prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
  prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
  prctl(PR_SET_DUMPABLE, 7, 0, 0, 0);
  prctl(PR_CAPBSET_READ, CAP_CHOWN, 0, 0, 0);
  prctl(PR_CAPBSET_READ, 0x30, 0, 0, 0);
  prctl(PR_CAPBSET_READ, 0x100000020UL, 0, 0, 0);
  prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
  prctl(PR_SET_NO_NEW_PRIVS, 0, 1, 0, 0);
  prctl(PR_GET_KEEPCAPS, 0, 0, 0, 0);
  prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0);
  prctl(PR_GET_CHILD_SUBREAPER, &v, 0, 0, 0);
  prctl(PR_GET_SECUREBITS, 0, 0, 0, 0);
  prctl(PR_SET_SECUREBITS, 0x1000, 0, 0, 0);
  prctl(PR_GET_TSC, &v, 0, 0, 0);
  prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, 0, 0);
  prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_LOWER, 99, 0, 0);
  prctl(PR_CAP_AMBIENT, 0x11, 0x12, 0x13, 0x14);
  prctl(PR_MCE_KILL_GET, 0, 0, 0, 0);
  prctl(PR_MCE_KILL, 0x11, 0x12, 0x13, 0x14);
  prctl(PR_SET_TIMERSLACK, -1L, 0, 0, 0);
  prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
  prctl(PR_SET_PTRACER, 0, 0, 0, 0);
  char vma[8] = "x";
  prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, 0x1000, 0x1000, vma);
  prctl(PR_SET_VMA, 0x11, 0x12, 0x13, 0x14);
  prctl(PR_GET_FPEMU, BAD, 0, 0, 0);
  prctl(PR_GET_TIMING, 0, 0, 0, 0);
  prctl(0x12345, 1, 2, 3, 4);
  return 0;
}
