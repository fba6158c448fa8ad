/* -k's test program: a call six functions deep, a signal raised from
 * main (one ignored, one handled: rt_sigreturn's stack is where it returns
 * to), a thread's call, a child process's calls, and (with "linger") a
 * pause before exiting so
 * that the eBPF engine reads its records while /proc/PID/maps is there.
 * Built with -g: -kk has source lines to show. */
#include <fcntl.h>
#include <sys/mman.h>
#include <pthread.h>
#include <sys/wait.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <stdlib.h>
#include <unistd.h>

__attribute__((noinline)) int chain_6(void) {
  char b[4];
  int fd = open("/etc/hostname", O_RDONLY);
  int r = read(fd, b, 0);
  close(fd);
  return r;
}
__attribute__((noinline)) int chain_5(void) { return chain_6() + 1; }
__attribute__((noinline)) int chain_4(void) { return chain_5() + 1; }
__attribute__((noinline)) int chain_3(void) { return chain_4() + 1; }
__attribute__((noinline)) int chain_2(void) { return chain_3() + 1; }
__attribute__((noinline)) int chain_1(void) { return chain_2() + 1; }

__attribute__((noinline)) static void on_usr2(int sig) {
  (void)sig;
  getppid();
}

__attribute__((noinline)) static void* in_thread(void* arg) {
  (void)arg;
  getppid();
  return 0;
}

int main(int argc, char** argv) {
  int linger = argc > 1 && !strcmp(argv[1], "linger");
  /* "vdso": a call made from the vDSO (a CPU clock has no vDSO answer). */
  if (argc > 1 && !strcmp(argv[1], "vdso")) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return 0;
  }
  /* "jit": a call made from code written at run time, in anonymous memory
   * (where, most likely, ld.so's cache was mapped and unmapped). */
  if (argc > 1 && !strcmp(argv[1], "jit")) {
    static const unsigned char code[] = {0xb8, 0x6e, 0, 0, 0, /* mov $getppid, %eax */
                                         0x0f, 0x05,          /* syscall */
                                         0xc3};               /* ret */
    void* p = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memcpy(p, code, sizeof code);
    ((int (*)(void))p)();
    return 0;
  }
  /* "loop N": N getppid calls through the chain's depth, for the benchmark. */
  if (argc > 2 && !strcmp(argv[1], "loop")) {
    long n = atol(argv[2]);
    for (long i = 0; i < n; ++i) chain_1();
    return 0;
  }
  chain_1();
  signal(SIGUSR1, SIG_IGN);
  raise(SIGUSR1);
  signal(SIGUSR2, on_usr2);
  raise(SIGUSR2);
  pthread_t t;
  pthread_create(&t, 0, in_thread, 0);
  pthread_join(t, 0);
  pid_t child = fork();
  if (child == 0) {
    chain_1();
    _exit(0);
  }
  waitpid(child, 0, 0);
  if (linger) {
    struct timespec ts = {0, 300 * 1000 * 1000};
    nanosleep(&ts, 0);
  }
  return 0;
}
