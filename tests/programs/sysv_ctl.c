/* System V control calls: shmctl, semctl and msgctl with each command
 * (the struct *id_ds they fill at exit or read at entry, the limits of
 * IPC_INFO and *_INFO, semctl's value and array addresses), IPC_64, unknown
 * commands, high bits in int arguments, failures and bad pointers. The
 * objects live in a new IPC namespace, made before the marker: their ids
 * and the limits are the same in every run, and the namespace goes with
 * the program. */
#define _GNU_SOURCE
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "marker.h"

#define HI 0xffffffff00000000UL
#define BAD 1UL
#define IPC_64_FLAG 0x100

int main(void) {
  unshare(CLONE_NEWIPC);
  int sh = shmget(0x1234abcd, 4096, 0640 | IPC_CREAT);
  int se = semget(-5, 3, 0600 | IPC_CREAT);
  int mq = msgget(IPC_PRIVATE, 0600);
  BEGIN();

  struct shmid_ds *sd = calloc(1, sizeof *sd);
  struct shmid_ds ssd;
  memset(&ssd, 0, sizeof ssd);
  struct shminfo *si = calloc(1, sizeof *si);
  struct shm_info shi;
  syscall(SYS_shmctl, sh, IPC_STAT, sd);
  syscall(SYS_shmctl, sh, IPC_STAT, &ssd);
  syscall(SYS_shmctl, sh, IPC_STAT | IPC_64_FLAG, sd);
  syscall(SYS_shmctl, sh, HI | IPC_STAT, sd);
  syscall(SYS_shmctl, sh, IPC_SET, sd);
  sd->shm_perm.uid = -1;
  sd->shm_perm.gid = 1234;
  sd->shm_perm.mode = 07777;
  syscall(SYS_shmctl, sh, IPC_SET, sd);
  syscall(SYS_shmctl, sh, IPC_SET, BAD);
  syscall(SYS_shmctl, sh, IPC_SET, NULL);
  syscall(SYS_shmctl, sh, IPC_INFO, si);
  syscall(SYS_shmctl, sh, IPC_INFO, BAD);
  syscall(SYS_shmctl, sh, SHM_INFO, &shi);
  syscall(SYS_shmctl, 0, SHM_STAT, sd);
  syscall(SYS_shmctl, 0, SHM_STAT_ANY, &ssd);
  syscall(SYS_shmctl, 5, SHM_STAT, sd);
  syscall(SYS_shmctl, sh, SHM_LOCK, NULL);
  syscall(SYS_shmctl, sh, IPC_STAT, sd);
  syscall(SYS_shmctl, sh, SHM_UNLOCK, BAD);
  syscall(SYS_shmctl, sh, IPC_STAT, BAD);
  syscall(SYS_shmctl, sh, IPC_STAT, NULL);
  syscall(SYS_shmctl, sh, 99, BAD);
  syscall(SYS_shmctl, sh, 99 | IPC_64_FLAG, BAD);
  syscall(SYS_shmctl, -1, IPC_STAT, sd);
  void *at = shmat(sh, NULL, SHM_RDONLY);
  syscall(SYS_shmctl, sh, IPC_RMID, NULL);
  syscall(SYS_shmctl, sh, IPC_STAT, sd);
  shmdt(at);

  struct semid_ds *ed = calloc(1, sizeof *ed);
  struct seminfo *semi = calloc(1, sizeof *semi);
  unsigned short vals[3] = {1, 2, 3};
  unsigned short *out = calloc(3, sizeof *out);
  syscall(SYS_semctl, se, 0, IPC_STAT, ed);
  syscall(SYS_semctl, se, 0, IPC_SET, ed);
  syscall(SYS_semctl, se, 0, IPC_SET, BAD);
  syscall(SYS_semctl, se, 0, IPC_INFO, semi);
  syscall(SYS_semctl, se, 0, SEM_INFO, semi);
  syscall(SYS_semctl, 0, 0, SEM_STAT, ed);
  syscall(SYS_semctl, 0, 0, SEM_STAT_ANY, ed);
  syscall(SYS_semctl, se, 1, SETVAL, 5);
  syscall(SYS_semctl, se, 1, SETVAL, -1L);
  syscall(SYS_semctl, se, 1, GETVAL, NULL);
  syscall(SYS_semctl, se, HI | 1, HI | GETVAL, 0x1234);
  syscall(SYS_semctl, se, 1, GETPID, NULL);
  syscall(SYS_semctl, se, 1, GETNCNT, NULL);
  syscall(SYS_semctl, se, 1, GETZCNT, NULL);
  syscall(SYS_semctl, se, 0, SETALL, vals);
  syscall(SYS_semctl, se, 0, GETALL, out);
  syscall(SYS_semctl, se, 0, GETALL, BAD);
  syscall(SYS_semctl, se, 0, IPC_STAT, BAD);
  syscall(SYS_semctl, se, 0, IPC_STAT | IPC_64_FLAG, ed);
  syscall(SYS_semctl, se, 0, 99, BAD);
  syscall(SYS_semctl, -1, 0, IPC_STAT, ed);
  syscall(SYS_semctl, se, 0, IPC_RMID, NULL);

  struct msqid_ds *md = calloc(1, sizeof *md);
  struct msginfo mi;
  syscall(SYS_msgctl, mq, IPC_STAT, md);
  md->msg_qbytes = 100;
  md->msg_perm.uid = 5;
  syscall(SYS_msgctl, mq, IPC_SET, md);
  syscall(SYS_msgctl, mq, IPC_STAT, md);
  syscall(SYS_msgctl, mq, IPC_SET, BAD);
  syscall(SYS_msgctl, mq, IPC_INFO, &mi);
  syscall(SYS_msgctl, mq, MSG_INFO, &mi);
  syscall(SYS_msgctl, 0, MSG_STAT, md);
  syscall(SYS_msgctl, 0, MSG_STAT_ANY, md);
  syscall(SYS_msgctl, mq, IPC_STAT, BAD);
  syscall(SYS_msgctl, mq, IPC_STAT | IPC_64_FLAG, md);
  syscall(SYS_msgctl, mq, 99, BAD);
  syscall(SYS_msgctl, mq, IPC_RMID, NULL);
  syscall(SYS_msgctl, mq, IPC_RMID, NULL);
  return 0;
}
