/* fork() while other threads allocate leaves the child a working
 * allocator: two threads keep the slow path busy (page-backed objects are
 * mapped and unmapped under the runtime's lock) while the main thread
 * forks 50 times; each child allocates on the slow path and exits 0
 * within 10 seconds, or SIGALRM ends it and the test fails. Without the
 * atfork handlers a child inherits the lock held and hangs. */
#include "preload_check.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int Stop;

static void *churn(void *arg) {
  size_t seed = (size_t)arg;
  while (!Stop) {
    seed = seed * 6364136223846793005u + 1442695040888963407u;
    void *big = malloc(20000 + (seed >> 40) % 100000);
    void *small = malloc(1 + (seed >> 33) % 4000);
    CHECK(big && small);
    memset(small, 1, 1);
    free(big);
    free(small);
  }
  return NULL;
}

int main(void) {
  pthread_t t[2];
  for (size_t i = 0; i < 2; ++i)
    CHECK(pthread_create(&t[i], NULL, churn, (void *)(i + 1)) == 0);
  for (int i = 0; i < 50; ++i) {
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
      alarm(10);
      for (size_t n = 1; n < 200000; n = n * 3 + 1) {
        char *p = malloc(n);
        if (!p || !ours(p, n))
          _exit(2);
        memset(p, 7, n);
        free(p);
      }
      _exit(0);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      fprintf(stderr, "fork %d: child %s %d\n", i,
              WIFSIGNALED(status) ? "killed by signal" : "exited with",
              WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
      return 1;
    }
  }
  Stop = 1;
  for (size_t i = 0; i < 2; ++i)
    pthread_join(t[i], NULL);
  puts("fork-threads: ok");
  return 0;
}
