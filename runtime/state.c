/*===- runtime/state.c - Global state, arena reservation, options ---------===*/
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

struct ts_state ts = {.lock = PTHREAD_MUTEX_INITIALIZER, .partitions = 16};

uint64_t ts_random(void) {
  /* xorshift64*: freelist order and secrets, not cryptography. */
  uint64_t x = ts.rng;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  ts.rng = x;
  return x * 0x2545f4914f6cdd1dull;
}

void ts_warn(const char *fmt, ...) {
  char line[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(line, sizeof line - 1, fmt, ap);
  va_end(ap);
  if (n <= 0)
    return;
  if ((size_t)n > sizeof line - 2)
    n = sizeof line - 2;
  line[n] = '\n';
  ssize_t w = write(2, line, (size_t)n + 1);
  (void)w;
}

/* The index of $name's value in names (of n), def when unset; an unknown
 * value (names are exact and lower-case) is warned about and gives def. */
static unsigned choice_from_env(const char *name, const char *const *names,
                                unsigned n, unsigned def) {
  const char *v = getenv(name);
  if (!v)
    return def;
  for (unsigned i = 0; i < n; ++i)
    if (!strcmp(v, names[i]))
      return i;
  ts_warn("typeslab: warning: unknown %s '%.64s', using '%s'", name, v,
          names[def]);
  return def;
}

static const char *const ModeNames[] = {"none", "random", "partitioned",
                                        "isolated"};
static const char *const ProfileNames[] = {"hardened", "fast"};

static bool env_on(const char *name) {
  const char *v = getenv(name);
  return v && *v && strcmp(v, "0") != 0;
}

static void dump_at_exit(void) { typeslab_slabinfo(stderr); }

/* Called with ts.lock held. */
static void init_locked(void) {
  if (ts.ready)
    return;
  /* Reserve up to TS_ARENA_SIZE of address space, less where the address
   * space is limited (ulimit -v, valgrind), plus a slab for alignment. */
  size_t size = TS_ARENA_SIZE;
  void *m = MAP_FAILED;
  for (; size >= (1ul << 30); size /= 2) {
    m = mmap(NULL, size + TS_SLAB_SIZE, PROT_NONE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m != MAP_FAILED)
      break;
  }
  if (m == MAP_FAILED)
    abort();
  /* Align the arena to the slab size: slabs are found by masking. */
  uintptr_t a = ((uintptr_t)m + TS_SLAB_SIZE - 1) & ~(TS_SLAB_SIZE - 1);
  ts.arena = (char *)a;
  ts.nslabs = size / TS_SLAB_SIZE;
  ts.slabs = mmap(NULL, ts.nslabs * sizeof(struct ts_slab),
                  PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (ts.slabs == MAP_FAILED)
    abort();
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  ts.rng = (uint64_t)now.tv_nsec ^ ((uint64_t)getpid() << 32) ^
           (uint64_t)(uintptr_t)&now;
  if (!ts.rng)
    ts.rng = 0x9e3779b97f4a7c15ull;
  ts.secret = ts_random() | 1;
  if (!ts.handed_out) {
    ts.mode = (enum typeslab_mode)choice_from_env("TYPESLAB_MODE", ModeNames,
                                                  4, TYPESLAB_MODE_NONE);
    if (choice_from_env("TYPESLAB_PROFILE", ProfileNames, 2, 0) == 1)
      ts.options |= TYPESLAB_OPT_FAST;
    if (env_on("TYPESLAB_REDZONE"))
      ts.options |= TYPESLAB_OPT_REDZONE;
    if (env_on("TYPESLAB_POISON"))
      ts.options |= TYPESLAB_OPT_POISON;
    const char *e = getenv("TYPESLAB_ON_ERROR");
    if (e && !strcmp(e, "continue"))
      ts.options |= TYPESLAB_OPT_CONTINUE;
  }
  /* typeslab_init() has no partition count: the environment decides it
   * whichever way the mode was chosen. */
  const char *n = getenv("TYPESLAB_PARTITIONS");
  if (n) {
    char *end;
    long v = strtol(n, &end, 10);
    if (end != n && !*end && v >= 2 && v <= 256)
      ts.partitions = (unsigned)v;
    else
      ts_warn("typeslab: warning: TYPESLAB_PARTITIONS '%.64s' is not a "
              "number from 2 to 256, using %u",
              n, ts.partitions);
  }
  if (env_on("TYPESLAB_SLABINFO"))
    atexit(dump_at_exit);
  ts_class_table_init();
  ts_modes_init();
  ts.ready = true;
}

void ts_ensure_init(void) {
  if (ts_likely(ts.ready))
    return;
  pthread_mutex_lock(&ts.lock);
  init_locked();
  pthread_mutex_unlock(&ts.lock);
}

int typeslab_init(enum typeslab_mode mode, unsigned options) {
  pthread_mutex_lock(&ts.lock);
  int rc = 0;
  /* Once memory is out, the mode and the layout options are fixed: objects
   * placed without red zones or poison would be misjudged at free. Only
   * report-and-continue may still change. */
  const unsigned layout =
      TYPESLAB_OPT_REDZONE | TYPESLAB_OPT_POISON | TYPESLAB_OPT_FAST;
  if (ts.handed_out &&
      (mode != ts.mode || ((options ^ ts.options) & layout))) {
    rc = -1;
  } else {
    init_locked();
    ts.mode = mode;
    ts.options = options;
    ts_enable_fast_paths_locked(); /* the environment no longer decides */
  }
  pthread_mutex_unlock(&ts.lock);
  return rc;
}

enum typeslab_mode typeslab_current_mode(void) {
  ts_ensure_init();
  return ts.mode;
}

const char *typeslab_mode_name(enum typeslab_mode mode) {
  return (unsigned)mode < 4 ? ModeNames[mode] : "?";
}

/* Metadata bump allocator over mmap'd chunks; called with the lock held. */
void *ts_meta_alloc(size_t size) {
  static char *cur, *end;
  size = (size + 15) & ~(size_t)15;
  if ((size_t)(end - cur) < size) {
    size_t chunk = size > (1u << 20) ? size : (1u << 20);
    char *m = mmap(NULL, chunk, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
      return NULL;
    cur = m;
    end = m + chunk;
  }
  void *r = cur;
  cur += size;
  return r;
}
