/* Memory policies and residency of this process's own pages: node masks
 * of several lengths on the heap, modes with flags, bad pointers, unknown
 * bits. Policies are set on this process only and put back to default. */
#define _GNU_SOURCE
#include <linux/mempolicy.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "marker.h"

#define BAD ((void *)1)

int main(void) {
  BEGIN();
  char *m = mmap(0, 8 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  m[0] = 1;
  m[2 * 4096] = 1;
  unsigned char *vec = malloc(64);
  syscall(SYS_mincore, m, 4 * 4096, vec);
  syscall(SYS_mincore, m, 3 * 4096 + 1, vec);
  syscall(SYS_mincore, m, 4 * 4096, BAD);
  syscall(SYS_mincore, BAD, 4096, vec);
  syscall(SYS_mincore, m, 0, vec);
  unsigned char *big = malloc(40);
  for (int i = 0; i < 40 * 4096 && i < 8 * 4096; i += 4096) m[i] = 1;
  char *m2 = mmap(0, 40 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  for (int i = 0; i < 40; i += 3) m2[i * 4096] = 1;
  syscall(SYS_mincore, m2, 40 * 4096, big);

  unsigned long *w = malloc(8 * sizeof *w);
  for (int i = 0; i < 8; i++) w[i] = 0x1111111111111111UL * (i + 1);
  int *pol = malloc(sizeof *pol);
  unsigned long *got = calloc(4, sizeof *got);
  syscall(SYS_get_mempolicy, pol, got, 64, 0, 0);
  syscall(SYS_get_mempolicy, pol, got, 130, m, MPOL_F_ADDR);
  syscall(SYS_get_mempolicy, pol, NULL, 0, 0, MPOL_F_MEMS_ALLOWED);
  syscall(SYS_get_mempolicy, BAD, BAD, 64, 0, 0);
  syscall(SYS_get_mempolicy, NULL, NULL, 0, 0, 0xff);
  syscall(SYS_get_mempolicy, pol, got, 64, 0, MPOL_F_NODE | MPOL_F_ADDR);

  syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);
  syscall(SYS_set_mempolicy, MPOL_PREFERRED | MPOL_F_STATIC_NODES, w, 130);
  syscall(SYS_set_mempolicy, 77, BAD, 64);
  syscall(SYS_set_mempolicy, MPOL_INTERLEAVE | MPOL_F_RELATIVE_NODES | 0x1000, w, 3);
  syscall(SYS_set_mempolicy, MPOL_LOCAL, NULL, 0);
  syscall(SYS_set_mempolicy, MPOL_PREFERRED_MANY, w, 0);
  syscall(SYS_set_mempolicy, MPOL_BIND, w, 1);
  syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);

  w[0] = 0;
  syscall(SYS_mbind, m, 8192, MPOL_BIND, w, 65, MPOL_MF_STRICT | MPOL_MF_MOVE);
  syscall(SYS_mbind, m, 8192, MPOL_DEFAULT, NULL, 0, 0);
  syscall(SYS_mbind, m, 8192, MPOL_INTERLEAVE, w, 200, MPOL_MF_MOVE_ALL | 0x80);
  syscall(SYS_mbind, m, 8192, MPOL_BIND, BAD, 64, 0);
  syscall(SYS_mbind, m, 8192, MPOL_BIND, w, 0, 0xffffffffUL);
  syscall(SYS_mbind, m, 8192, 0xffffffff00000000UL | MPOL_BIND, w, 2, 0);
  return 0;
}
