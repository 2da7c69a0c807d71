/* Threads that exit leave their objects usable and the allocator sound:
 * 64 threads, 4 at a time, each allocate 2000 objects of many sizes, all 4 at once (a barrier), and
 * exit with them live; a thread-specific destructor that runs after the
 * runtime's own (its key is created later) allocates again. The main
 * thread then checks every object's contents, frees them (frees into
 * orphaned slabs) and allocates again. Heaps of exited threads are reused:
 * a heap handed to a new thread while its old thread still allocates on it
 * would mix two threads' objects, and the contents would not match. */
#include "preload_check.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 64
#define OBJS 2000

struct obj {
  size_t n;
  unsigned char *p;
};
static struct obj Objs[THREADS][OBJS + 4];
static pthread_key_t Late;
static pthread_barrier_t Start;

static void fill(struct obj *o, size_t n, unsigned char v) {
  o->n = n;
  o->p = malloc(n);
  CHECK(ours(o->p, n));
  memset(o->p, v, n);
}

/* Runs at thread exit, after the runtime's key (created earlier): the
 * thread allocates after its heap was given up. */
static void late_destructor(void *arg) {
  struct obj *row = arg;
  for (size_t k = 0; k < 4; ++k)
    fill(&row[OBJS + k], 24 + 100 * k, (unsigned char)(0x80 + k));
  void *scratch = malloc(1000);
  CHECK(scratch);
  free(scratch);
}

static void *worker(void *arg) {
  size_t id = (size_t)arg;
  struct obj *row = Objs[id];
  pthread_barrier_wait(&Start);
  for (size_t k = 0; k < OBJS; ++k) {
    fill(&row[k], 1 + (k * 37 + id) % 600, (unsigned char)(id + k));
    if (k % 3 == 0) { /* some freed by their own thread */
      free(row[k].p);
      row[k].p = NULL;
    }
  }
  pthread_setspecific(Late, row);
  return NULL;
}

int main(void) {
  free(malloc(64)); /* the runtime creates its thread key first */
  CHECK(pthread_key_create(&Late, late_destructor) == 0);
  CHECK(pthread_barrier_init(&Start, NULL, 4) == 0);
  for (size_t base = 0; base < THREADS; base += 4) {
    pthread_t t[4];
    for (size_t i = 0; i < 4; ++i)
      CHECK(pthread_create(&t[i], NULL, worker, (void *)(base + i)) == 0);
    for (size_t i = 0; i < 4; ++i)
      CHECK(pthread_join(t[i], NULL) == 0);
  }
  for (size_t id = 0; id < THREADS; ++id)
    for (size_t k = 0; k < OBJS + 4; ++k) {
      struct obj *o = &Objs[id][k];
      if (!o->p)
        continue;
      unsigned char v = k < OBJS ? (unsigned char)(id + k)
                                 : (unsigned char)(0x80 + k - OBJS);
      CHECK(ours(o->p, o->n));
      for (size_t j = 0; j < o->n; ++j)
        if (o->p[j] != v) {
          fprintf(stderr, "thread %zu object %zu byte %zu: %#x, want %#x\n",
                  id, k, j, o->p[j], v);
          return 1;
        }
      free(o->p);
    }
  for (size_t k = 0; k < 1000; ++k) {
    void *p = malloc(1 + k * 7);
    CHECK(ours(p, 1 + k * 7));
    free(p);
  }
  puts("thread-exit: ok");
  return 0;
}
