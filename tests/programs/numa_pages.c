/* Page migration of this process's own pages only: migrate_pages between
 * the nodes this process may use (node 0, which every machine has), node
 * masks of several lengths; move_pages of heap pages with and without
 * target nodes, its per-page status (a page not mapped reports -EFAULT),
 * unknown flag bits, bad pointers, failures and high bits in int
 * arguments. Nothing moves anywhere but node 0. */
#define _GNU_SOURCE
#include <linux/mempolicy.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "marker.h"

#define HI 0xffffffff00000000UL
#define BAD ((void *)1)

int main(void) {
  BEGIN();
  unsigned long node0[2] = {1, 0};
  unsigned long *heap_mask = calloc(3, sizeof *heap_mask);
  heap_mask[0] = 1;
  heap_mask[2] = 0x8000000000000000UL;
  syscall(SYS_migrate_pages, 0, 64, node0, node0);
  syscall(SYS_migrate_pages, 0, 65, node0, node0);
  syscall(SYS_migrate_pages, 0, 128, node0, heap_mask);
  syscall(SYS_migrate_pages, 0, 3, heap_mask, node0);
  syscall(SYS_migrate_pages, 0, 0, node0, node0);
  syscall(SYS_migrate_pages, 0, 1, node0, node0);
  syscall(SYS_migrate_pages, 0, 64, NULL, BAD);
  syscall(SYS_migrate_pages, -1, 64, node0, node0);
  syscall(SYS_migrate_pages, HI, 64, BAD, NULL);
  syscall(SYS_migrate_pages, 0, 192, heap_mask, heap_mask);

  char *mem = malloc(3 * 4096);
  memset(mem, 1, 3 * 4096);
  void *pages[3] = {mem, mem + 4096, NULL};
  int nodes[3] = {0, 0, 0};
  int status[3] = {-1, -1, -1};
  syscall(SYS_move_pages, 0, 2, pages, NULL, status, 0);
  syscall(SYS_move_pages, 0, 3, pages, nodes, status, MPOL_MF_MOVE);
  syscall(SYS_move_pages, 0, 2, pages, nodes, status, MPOL_MF_MOVE_ALL | MPOL_MF_LAZY | MPOL_MF_STRICT);
  syscall(SYS_move_pages, 0, 2, pages, NULL, status, MPOL_MF_STRICT);
  syscall(SYS_move_pages, 0, 2, pages, nodes, status, HI | MPOL_MF_MOVE);
  syscall(SYS_move_pages, 0, 2, BAD, NULL, status, 0);
  syscall(SYS_move_pages, 0, 2, pages, NULL, BAD, 0);
  syscall(SYS_move_pages, 0, 2, pages, BAD, status, 0);
  syscall(SYS_move_pages, -1, 2, pages, nodes, status, 0);
  syscall(SYS_move_pages, 0, 0, pages, nodes, status, 0);
  syscall(SYS_move_pages, 0, 0, NULL, NULL, NULL, 0);

  /* Heap arrays longer than strace's -s 32 elements. */
  void **many = malloc(40 * sizeof *many);
  int *many_nodes = malloc(40 * sizeof *many_nodes);
  int *many_status = malloc(40 * sizeof *many_status);
  for (int i = 0; i < 40; i++) {
    many[i] = mem + (i % 3) * 4096;
    many_nodes[i] = 0;
    many_status[i] = 0;
  }
  syscall(SYS_move_pages, 0, 40, many, NULL, many_status, 0);
  syscall(SYS_move_pages, 0, 40, many, many_nodes, many_status, MPOL_MF_MOVE);
  return 0;
}
