/* System V semaphore operations: arrays of struct sembuf counted by an
 * argument (heap and stack), flag bits known and unknown, an empty array, a
 * count with high bits, timeouts, failures and bad pointers. The semaphore
 * set lives in a new IPC namespace, made before the marker: its id is the
 * same in every run, and it goes away with the program (semctl has its
 * own program, sysv_ctl.c). */
#define _GNU_SOURCE
#include <linux/time_types.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "marker.h"

#define HI 0xffffffff00000000UL
#define BAD ((void*)1)

int main(void) {
  unshare(CLONE_NEWIPC);
  int s = semget(IPC_PRIVATE, 2, 0600);
  BEGIN();
  struct sembuf* sb = malloc(2 * sizeof *sb);
  sb[0].sem_num = 0;
  sb[0].sem_op = 1;
  sb[0].sem_flg = SEM_UNDO;
  sb[1].sem_num = 1;
  sb[1].sem_op = 0;
  sb[1].sem_flg = IPC_NOWAIT;
  syscall(SYS_semop, s, sb, 2);
  syscall(SYS_semop, s, sb, 0);
  syscall(SYS_semop, s, BAD, 1);
  syscall(SYS_semop, s, sb, HI | 1);
  struct sembuf one = {0, -1, SEM_UNDO | IPC_NOWAIT | 0x10};
  syscall(SYS_semop, s, &one, 1);
  one.sem_flg = 0x10;
  syscall(SYS_semop, s, &one, 1);
  one.sem_flg = 0;
  syscall(SYS_semop, -1, &one, 1);

  struct __kernel_timespec ts = {0, 1000};
  syscall(SYS_semtimedop, s, sb, 1, &ts);
  syscall(SYS_semtimedop, s, sb, 2, NULL);
  one.sem_op = -5;
  syscall(SYS_semtimedop, s, &one, 1, &ts);
  syscall(SYS_semtimedop, s, sb, 1, BAD);
  syscall(SYS_semtimedop, s, BAD, 2, &ts);
  return 0;
}
