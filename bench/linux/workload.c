/*===- bench/linux/workload.c - The kernel boot's allocation workload -----===*
 *
 * A static program run as the workload of `scripts/kernel.sh boot`: each
 * round does fork/exec, pipes, UNIX and loopback TCP sockets, file
 * create/write/read/unlink and threads, and a hackbench-like exchange of
 * messages between groups of processes over socketpairs. It prints the
 * wall time of each round and of all rounds, and exits non-zero on the
 * first failure. bench/linux/summarize.py takes the median round, so that
 * one round slowed by the host does not decide a boot's figure.
 *
 *   workload [ROUNDS]      (default 10)
 *   cc -O2 -static -pthread -o workload bench/linux/workload.c
 *===----------------------------------------------------------------------===*/
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define GROUPS 4
#define PAIRS 5
#define MESSAGES 50
#define MSG_SIZE 100

static void fail(const char *what) {
  fprintf(stderr, "workload: %s: %s\n", what, strerror(errno));
  exit(1);
}

static void full_write(int fd, const void *buf, size_t n) {
  const char *p = buf;
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR)
        continue;
      fail("write");
    }
    p += w;
    n -= (size_t)w;
  }
}

static void full_read(int fd, void *buf, size_t n) {
  char *p = buf;
  while (n) {
    ssize_t r = read(fd, p, n);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0)
      fail("read");
    p += r;
    n -= (size_t)r;
  }
}

static void wait_all(int n) {
  for (int i = 0; i < n; ++i) {
    int st;
    if (wait(&st) < 0)
      fail("wait");
    if (!WIFEXITED(st) || WEXITSTATUS(st))
      exit(1);
  }
}

/* hackbench-like: every sender sends MESSAGES messages to every receiver
 * of its group, over UNIX socketpairs (even groups) or pipes (odd). */
static void hackbench(void) {
  int children = 0;
  for (int g = 0; g < GROUPS; ++g) {
    int in[PAIRS], out[PAIRS];
    for (int r = 0; r < PAIRS; ++r) {
      int fds[2];
      if (g % 2 ? pipe(fds) : socketpair(AF_UNIX, SOCK_STREAM, 0, fds))
        fail("pipe/socketpair");
      in[r] = fds[0];
      out[r] = fds[1];
    }
    for (int r = 0; r < PAIRS; ++r) {
      pid_t pid = fork();
      if (pid < 0)
        fail("fork");
      if (pid == 0) {
        char buf[MSG_SIZE];
        for (int i = 0; i < PAIRS * MESSAGES; ++i)
          full_read(in[r], buf, sizeof buf);
        _exit(0);
      }
      ++children;
    }
    for (int s = 0; s < PAIRS; ++s) {
      pid_t pid = fork();
      if (pid < 0)
        fail("fork");
      if (pid == 0) {
        char buf[MSG_SIZE];
        memset(buf, s, sizeof buf);
        for (int i = 0; i < MESSAGES; ++i)
          for (int r = 0; r < PAIRS; ++r)
            full_write(out[r], buf, sizeof buf);
        _exit(0);
      }
      ++children;
    }
    for (int r = 0; r < PAIRS; ++r) {
      close(in[r]);
      close(out[r]);
    }
  }
  wait_all(children);
}

static void fork_exec(void) {
  for (int i = 0; i < 20; ++i) {
    pid_t pid = fork();
    if (pid < 0)
      fail("fork");
    if (pid == 0) {
      execl("/bin/true", "true", (char *)NULL);
      _exit(127);
    }
    wait_all(1);
  }
}

static void files(void) {
  char name[64], buf[4096], back[4096];
  for (size_t i = 0; i < sizeof buf; ++i)
    buf[i] = (char)i;
  for (int i = 0; i < 100; ++i) {
    snprintf(name, sizeof name, "/tmp/workload-%d", i);
    int fd = open(name, O_CREAT | O_TRUNC | O_RDWR, 0600);
    if (fd < 0)
      fail("open");
    full_write(fd, buf, sizeof buf);
    if (lseek(fd, 0, SEEK_SET) != 0)
      fail("lseek");
    full_read(fd, back, sizeof back);
    if (memcmp(buf, back, sizeof buf)) {
      fprintf(stderr, "workload: file contents differ\n");
      exit(1);
    }
    close(fd);
    if (unlink(name))
      fail("unlink");
  }
}

static void *tcp_server(void *arg) {
  int lfd = *(int *)arg;
  for (int c = 0; c < 10; ++c) {
    int fd = accept(lfd, NULL, NULL);
    if (fd < 0)
      fail("accept");
    char buf[256];
    for (int i = 0; i < 50; ++i) {
      full_read(fd, buf, sizeof buf);
      full_write(fd, buf, sizeof buf);
    }
    close(fd);
  }
  return NULL;
}

static void tcp_loopback(void) {
  int lfd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET,
                          .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t len = sizeof a;
  if (lfd < 0 || bind(lfd, (struct sockaddr *)&a, sizeof a) ||
      listen(lfd, 16) || getsockname(lfd, (struct sockaddr *)&a, &len))
    fail("tcp listen");
  pthread_t t;
  if (pthread_create(&t, NULL, tcp_server, &lfd))
    fail("pthread_create");
  for (int c = 0; c < 10; ++c) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a))
      fail("tcp connect");
    char buf[256], back[256];
    memset(buf, c, sizeof buf);
    for (int i = 0; i < 50; ++i) {
      full_write(fd, buf, sizeof buf);
      full_read(fd, back, sizeof back);
      if (memcmp(buf, back, sizeof buf)) {
        fprintf(stderr, "workload: tcp echo differs\n");
        exit(1);
      }
    }
    close(fd);
  }
  pthread_join(t, NULL);
  close(lfd);
}

static void *thread_work(void *arg) {
  size_t n = (size_t)arg;
  char *p = malloc(n);
  if (!p)
    return (void *)1;
  memset(p, 1, n);
  free(p);
  return NULL;
}

static void threads(void) {
  pthread_t t[32];
  for (int i = 0; i < 32; ++i)
    if (pthread_create(&t[i], NULL, thread_work, (void *)(size_t)(64 << (i % 8))))
      fail("pthread_create");
  for (int i = 0; i < 32; ++i) {
    void *r;
    pthread_join(t[i], &r);
    if (r) {
      fprintf(stderr, "workload: thread failed\n");
      exit(1);
    }
  }
}

static long elapsed_us(const struct timespec *a, const struct timespec *b) {
  return (b->tv_sec - a->tv_sec) * 1000000L + (b->tv_nsec - a->tv_nsec) / 1000;
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 10;
  struct timespec t0, t1, r0, r1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (int r = 0; r < rounds; ++r) {
    clock_gettime(CLOCK_MONOTONIC, &r0);
    hackbench();
    fork_exec();
    files();
    tcp_loopback();
    threads();
    clock_gettime(CLOCK_MONOTONIC, &r1);
    printf("TYPESLAB-ROUND %d time_us=%ld\n", r + 1, elapsed_us(&r0, &r1));
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  long ms = elapsed_us(&t0, &t1) / 1000;
  printf("TYPESLAB-WORKLOAD rounds=%d time_ms=%ld\n", rounds, ms);
  return 0;
}
