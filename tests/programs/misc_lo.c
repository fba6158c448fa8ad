/* Scalars, flag sets and named constants of calls that act on the process
 * or the system: every one is called so that it fails harmlessly (a bad
 * magic, a missing path, a bad pointer) or changes only this process. */
#define _GNU_SOURCE
#include <asm/ldt.h>
#include <fcntl.h>
#include <linux/reboot.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "marker.h"

#define HI 0xffffffff00000000UL
#define BAD ((void *)1)
#define KEY 0x5c7a11f0 /* no segment, set or queue has this key */
#define BADMAGIC 0x1234 /* reboot fails with EINVAL before it looks at cmd */

int main(void) {
  BEGIN();
  syscall(SYS_getpriority, PRIO_PROCESS, 0);
  syscall(SYS_getpriority, 7, 0);
  syscall(SYS_getpriority, HI | PRIO_PROCESS, HI);
  syscall(SYS_getpriority, -1, -1);
  syscall(SYS_setpriority, 9, -1, -5);
  syscall(SYS_setpriority, PRIO_PGRP, -1, 0);

  syscall(SYS_sched_get_priority_max, SCHED_OTHER);
  syscall(SYS_sched_get_priority_max, SCHED_FIFO);
  syscall(SYS_sched_get_priority_min, SCHED_RR);
  syscall(SYS_sched_get_priority_min, SCHED_BATCH);
  syscall(SYS_sched_get_priority_max, SCHED_ISO);
  syscall(SYS_sched_get_priority_max, SCHED_IDLE);
  syscall(SYS_sched_get_priority_min, SCHED_DEADLINE);
  syscall(SYS_sched_get_priority_min, SCHED_RR | SCHED_RESET_ON_FORK);
  syscall(SYS_sched_get_priority_min, HI | SCHED_FIFO);
  syscall(SYS_sched_get_priority_max, -1);

  /* Every mount fails: the target does not exist, or a pointer is bad. */
  char *data = malloc(64);
  strcpy(data, "size=1,mode=0700");
  syscall(SYS_mount, "src", "/nonexistent", "tmpfs", 0, data);
  syscall(SYS_mount, "src", "/nonexistent", "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV, data);
  syscall(SYS_mount, "src", "/nonexistent", "tmpfs", MS_REMOUNT, data);
  syscall(SYS_mount, "src", "/nonexistent", "tmpfs", MS_BIND | MS_REC, data);
  syscall(SYS_mount, "src", "/nonexistent", "tmpfs", MS_REMOUNT | MS_BIND, data);
  syscall(SYS_mount, "src", "/nonexistent", "tmpfs", MS_MOVE, data);
  syscall(SYS_mount, "src", "/nonexistent", "tmpfs", MS_PRIVATE | MS_REC, data);
  syscall(SYS_mount, "src", "/nonexistent", "tmpfs", MS_SHARED, data);
  syscall(SYS_mount, "src", "/nonexistent", "tmpfs", MS_MGC_VAL, data);
  syscall(SYS_mount, "src", "/nonexistent", "tmpfs", MS_MGC_VAL | MS_RDONLY | MS_REMOUNT, data);
  syscall(SYS_mount, "src", "/nonexistent", "tmpfs", 0xffffffffUL, 0);
  syscall(SYS_mount, "src", "/nonexistent", "tmpfs", HI, data);
  syscall(SYS_mount, "src", "/nonexistent", "tmpfs", 1UL << 28, BAD);
  syscall(SYS_mount, NULL, NULL, NULL, 0, NULL);
  syscall(SYS_mount, BAD, BAD, BAD, MS_RDONLY, BAD);
  syscall(SYS_mount, "a-very-long-source-name-longer-than-thirty-two", "/nonexistent",
          "a-very-long-type-name-longer-than-thirty-two", 0,
          "a-very-long-data-string-longer-than-thirty-two");

  syscall(SYS_reboot, 1, 2, 3, 0);
  syscall(SYS_reboot, BADMAGIC, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_POWER_OFF, 0);
  syscall(SYS_reboot, BADMAGIC, LINUX_REBOOT_MAGIC2A, LINUX_REBOOT_CMD_RESTART, 0);
  syscall(SYS_reboot, BADMAGIC, LINUX_REBOOT_MAGIC2B, LINUX_REBOOT_CMD_HALT, 0);
  syscall(SYS_reboot, BADMAGIC, LINUX_REBOOT_MAGIC2C, LINUX_REBOOT_CMD_CAD_ON, 0);
  syscall(SYS_reboot, BADMAGIC, 5, LINUX_REBOOT_CMD_CAD_OFF, 0);
  syscall(SYS_reboot, BADMAGIC, 0, LINUX_REBOOT_CMD_SW_SUSPEND, 0);
  syscall(SYS_reboot, BADMAGIC, 0, LINUX_REBOOT_CMD_KEXEC, 0);
  syscall(SYS_reboot, BADMAGIC, 0, LINUX_REBOOT_CMD_RESTART2, data);
  syscall(SYS_reboot, BADMAGIC, 0, LINUX_REBOOT_CMD_RESTART2, BAD);
  syscall(SYS_reboot, BADMAGIC, 0, LINUX_REBOOT_CMD_RESTART2, NULL);
  syscall(SYS_reboot, HI | BADMAGIC, HI | LINUX_REBOOT_MAGIC2, HI | 0x77, 0);

  syscall(SYS_delete_module, "sctrace_no_such_module", O_NONBLOCK | O_TRUNC);
  syscall(SYS_delete_module, "sctrace_no_such_module", 0);
  syscall(SYS_delete_module, "sctrace_no_such_module", 1);
  syscall(SYS_delete_module, BAD, O_NONBLOCK | 1);
  syscall(SYS_delete_module, NULL, 0xffffffffUL);

  syscall(SYS_remap_file_pages, 0, 4096, 0, 0, MAP_NONBLOCK);
  syscall(SYS_remap_file_pages, 0, 4096, PROT_READ, 0, MAP_SHARED | MAP_FIXED);
  syscall(SYS_remap_file_pages, 0, 4096, PROT_READ | PROT_WRITE, 3, 0);
  syscall(SYS_remap_file_pages, 0x1000, 4096, 0x100, 7, MAP_PRIVATE);
  syscall(SYS_remap_file_pages, 0, 4096, 0xffffffffUL, 0, 0xffffffffUL);

  syscall(SYS_ioprio_set, 1, 0, (2 << 13) | 4);
  syscall(SYS_ioprio_get, 1, 0);
  syscall(SYS_ioprio_set, 1, 0, (1 << 13) | 2);
  syscall(SYS_ioprio_set, 1, 0, (3 << 13) | 0);
  syscall(SYS_ioprio_set, 1, 0, 0);
  syscall(SYS_ioprio_get, 1, 0);
  syscall(SYS_ioprio_set, 7, 0, (7 << 13) | 9);
  syscall(SYS_ioprio_get, 9, 0);
  syscall(SYS_ioprio_get, HI | 1, HI);

  int in = inotify_init1(0);
  syscall(SYS_inotify_add_watch, in, ".", IN_ALL_EVENTS | IN_ONLYDIR);
  syscall(SYS_inotify_add_watch, in, ".", IN_MODIFY | IN_MASK_ADD | IN_EXCL_UNLINK | IN_DONT_FOLLOW);
  syscall(SYS_inotify_add_watch, in, ".", IN_MASK_CREATE | IN_MASK_ADD);
  syscall(SYS_inotify_add_watch, in, ".", 0);
  syscall(SYS_inotify_add_watch, in, ".", 0x10000);
  syscall(SYS_inotify_add_watch, in, BAD, IN_ACCESS | 0x10000);
  syscall(SYS_inotify_add_watch, in, "/nonexistent", 0xffffffffUL);
  syscall(SYS_inotify_add_watch, in, ".", HI | IN_OPEN);

  syscall(SYS_shmget, IPC_PRIVATE, 0, IPC_CREAT | IPC_EXCL | 0600);
  syscall(SYS_shmget, KEY, 4096, 0);
  syscall(SYS_shmget, KEY, 4096, SHM_HUGETLB | SHM_NORESERVE | 0640);
  syscall(SYS_shmget, KEY, 4096, (21 << 26) | SHM_HUGETLB | 0600);
  syscall(SYS_shmget, KEY, 4096, (1 << 26) | 0777);
  syscall(SYS_shmget, HI | KEY, 1, 0x2000 | 0644);
  syscall(SYS_shmget, -1, 1, 0xffffffffUL);
  syscall(SYS_semget, IPC_PRIVATE, -1, IPC_CREAT | 0600);
  syscall(SYS_semget, KEY, 1, 0);
  syscall(SYS_semget, KEY, 1, IPC_EXCL | IPC_NOWAIT | 0444);
  syscall(SYS_semget, KEY, 1, 0x1000 | 0644);
  syscall(SYS_msgget, KEY, 0);
  syscall(SYS_msgget, KEY, IPC_EXCL | 0600);
  syscall(SYS_msgget, KEY, 0x1000 | 0644);
  syscall(SYS_msgget, HI | KEY, HI | 0600);

  syscall(SYS_shmat, -1, 0, SHM_RDONLY | SHM_RND);
  syscall(SYS_shmat, -1, 0x1000, 0);
  syscall(SYS_shmat, -1, 0x1000, SHM_EXEC | SHM_REMAP | 0x100000);
  syscall(SYS_shmat, -1, 0, 0xffffffffUL);
  syscall(SYS_shmat, HI | 5, 0, HI | SHM_RDONLY);
  syscall(SYS_shmdt, 0x1000);
  syscall(SYS_shmdt, 0);

  syscall(SYS_mknod, "/nonexistent/x", S_IFCHR | 0600, makedev(1, 3));
  syscall(SYS_mknod, "/nonexistent/x", S_IFBLK | 0600, makedev(8, 1));
  syscall(SYS_mknod, "/nonexistent/x", S_IFIFO | 0644, 0);
  syscall(SYS_mknod, "/nonexistent/x", S_IFREG | 0644, 5);
  syscall(SYS_mknod, "/nonexistent/x", 0644, 5);
  syscall(SYS_mknod, "/nonexistent/x", S_IFSOCK | 07777, makedev(1, 3));
  syscall(SYS_mknod, "/nonexistent/x", 0xffff0000UL | S_IFCHR, HI | makedev(1, 3));
  syscall(SYS_mknod, BAD, S_IFCHR, makedev(300, 70000));
  syscall(SYS_mknod, "/nonexistent/x", 0170000, 0);

  /* Personas of this process only, each put back at once. */
  syscall(SYS_personality, 0xffffffff);
  syscall(SYS_personality, PER_LINUX32 | ADDR_NO_RANDOMIZE);
  syscall(SYS_personality, PER_LINUX);
  syscall(SYS_personality, PER_BSD | UNAME26);
  syscall(SYS_personality, PER_LINUX);
  syscall(SYS_personality, 0x77);
  syscall(SYS_personality, PER_SVR4 | 0x80000000);
  syscall(SYS_personality, HI | PER_LINUX);

  /* The kernel log is read with no room (returns 0) and never cleared. */
  char *log = malloc(64);
  syscall(SYS_syslog, 0, log, 64);
  syscall(SYS_syslog, 1, log, 64);
  syscall(SYS_syslog, 10, 0, 0);
  syscall(SYS_syslog, 2, log, 0);
  syscall(SYS_syslog, 3, log, 0);
  syscall(SYS_syslog, 3, NULL, 10);
  syscall(SYS_syslog, 2, NULL, -1);
  syscall(SYS_syslog, 4, NULL, -1);
  syscall(SYS_syslog, 8, NULL, 0);
  syscall(SYS_syslog, 8, log, -1);
  syscall(SYS_syslog, 8, NULL, 9);
  syscall(SYS_syslog, 11, log, 64);
  syscall(SYS_syslog, -1, BAD, 10);
  syscall(SYS_syslog, HI | 3, NULL, HI | 16);

  /* Refused (ENOSYS) to 64-bit callers. */
  struct user_desc *ud = calloc(1, sizeof *ud);
  ud->entry_number = 12;
  syscall(SYS_set_thread_area, ud);
  syscall(SYS_get_thread_area, ud);
  ud->entry_number = -1;
  ud->base_addr = 0x1000;
  ud->limit = 0xfffff;
  ud->seg_32bit = 1;
  ud->contents = 2;
  ud->useable = 1;
  syscall(SYS_set_thread_area, ud);
  memset(ud, 0xff, sizeof *ud);
  syscall(SYS_set_thread_area, ud);
  syscall(SYS_get_thread_area, ud);
  syscall(SYS_set_thread_area, NULL);
  syscall(SYS_set_thread_area, BAD);
  syscall(SYS_get_thread_area, BAD);

  syscall(SYS_set_tid_address, 0x1000);
  syscall(SYS_set_tid_address, 0);
  return 0;
}
