/* System V message queues: msgsnd and msgrcv with struct msgbuf on the
 * stack and the heap, texts longer than -s, bytes to escape, an empty text,
 * flag bits known and unknown, message types of every sign, failures (no
 * message, bad queue), bad pointers and high bits in int arguments. The
 * queue lives in a new IPC namespace, made before the marker: its id is the
 * same in every run, and it goes away with the program. */
#define _GNU_SOURCE
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "marker.h"

#define HI 0xffffffff00000000UL
#define BAD ((void *)1)

struct msg {
  long mtype;
  char mtext[48];
};

int main(void) {
  unshare(CLONE_NEWIPC);
  int q = msgget(IPC_PRIVATE, 0600);
  BEGIN();
  struct msg a = {1, "hello world, this is a long message body, really"};
  syscall(SYS_msgsnd, q, &a, 11, 0);
  syscall(SYS_msgsnd, q, &a, 40, IPC_NOWAIT);
  syscall(SYS_msgsnd, q, &a, 5, HI | IPC_NOWAIT | MSG_NOERROR);
  struct msg *h = malloc(sizeof *h);
  memset(h, 0, sizeof *h);
  h->mtype = 7;
  memcpy(h->mtext, "x\001y\n\"z", 6);
  syscall(SYS_msgsnd, q, h, 8, 0);
  syscall(SYS_msgsnd, q, h, 0, IPC_NOWAIT);
  h->mtype = -5;
  syscall(SYS_msgsnd, q, h, 4, 0);
  syscall(SYS_msgsnd, q, BAD, 5, 0);
  syscall(SYS_msgsnd, q, NULL, 5, 0);
  syscall(SYS_msgsnd, -1, &a, 5, 0x100);
  syscall(SYS_msgsnd, q, &a, 5, MSG_EXCEPT | MSG_COPY | 0x100000);

  struct msg b;
  memset(&b, 0, sizeof b);
  syscall(SYS_msgrcv, q, &b, 40, 1, 0);
  syscall(SYS_msgrcv, q, &b, 3, 0, MSG_NOERROR);
  struct msg *hb = calloc(1, sizeof *hb);
  syscall(SYS_msgrcv, q, hb, 48, 7, IPC_NOWAIT);
  syscall(SYS_msgrcv, q, hb, 48, 9, IPC_NOWAIT);
  syscall(SYS_msgrcv, q, hb, 48, -3L, IPC_NOWAIT | MSG_EXCEPT | 0x80);
  syscall(SYS_msgrcv, q, hb, 48, 0xffffffffffL, HI | IPC_NOWAIT);
  syscall(SYS_msgrcv, q, BAD, 48, 0, IPC_NOWAIT);
  syscall(SYS_msgrcv, q, NULL, 48, 0, IPC_NOWAIT);
  syscall(SYS_msgrcv, -1, hb, 48, 0, IPC_NOWAIT);
  syscall(SYS_msgrcv, q, hb, 48, 0, IPC_NOWAIT);
  return 0;
}
