/* A live thread's empty slabs go back to the OS: after a burst of frees,
 * once the slabs have stayed empty for the delay, their pages are no longer
 * resident (mincore) and slabinfo counts them; a hot alloc/free pair and a
 * quick free-then-allocate-again release nothing (hysteresis); a thread
 * holding too many empty slabs returns the surplus at once; typeslab_trim()
 * returns them on demand; and a returned range comes back to its own cache
 * only (argv[1] names the mode: none or isolated).
 */
#include "check.h"
#include "typeslab/kernel.h"
#include "typeslab/runtime.h"

#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#define DESC(var, nm, h, sz)                                                   \
  __attribute__((section(TYPESLAB_DESC_SECTION), used, aligned(8)))            \
  struct typeslab_type var = {TYPESLAB_DESC_MAGIC, TYPESLAB_DESC_VERSION,      \
                              TYPESLAB_F_HAS_POINTER, h, sz, 0, 8, 0, nm, 0}
DESC(type_a, "struct released", 0x5151, 256);
#define TA ((typeslab_token_t)(uintptr_t)&type_a)

#define SLAB 65536
#define PER_SLAB (SLAB / 256)
#define NSLABS 40 /* below the 64 slabs a heap may keep */
#define MAXOBJ (150 * PER_SLAB)

static void *objs[MAXOBJ];
static const void *slabs[160];
static int nslabs;

static void sleep_ms(long ms) {
  struct timespec t = {0, ms * 1000000L};
  nanosleep(&t, NULL);
}

/* Resident pages of the 64 KiB slab at base. */
static int resident(const void *base) {
  unsigned char vec[SLAB / 4096];
  CHECK(mincore((void *)base, SLAB, vec) == 0);
  int n = 0;
  for (int i = 0; i < SLAB / 4096; ++i)
    n += vec[i] & 1;
  return n;
}

static int known_slab(const void *s) {
  for (int i = 0; i < nslabs; ++i)
    if (slabs[i] == s)
      return 1;
  return 0;
}

/* Allocates n objects, recording (and touching) their slabs. */
static void fill(int n) {
  nslabs = 0;
  for (int i = 0; i < n; ++i) {
    CHECK((objs[i] = kmalloc_token(256, GFP_KERNEL, TA)));
    memset(objs[i], 1, 256);
    const void *s = typeslab_slab_of(objs[i]);
    if (!known_slab(s)) {
      CHECK(nslabs < 160);
      slabs[nslabs++] = s;
    }
  }
}

static void drain(int n) {
  for (int i = 0; i < n; ++i)
    kfree(objs[i]);
}

/* Another cache's first allocation: a refill, where slabs empty for the
 * delay are returned. */
static void other_cache_event(void) {
  void *p = kmalloc(3000, GFP_KERNEL);
  CHECK(p);
  kfree(p);
}

int main(int argc, char **argv) {
  CHECK(argc == 2);
  int isolated = !strcmp(argv[1], "isolated");
  CHECK(typeslab_init(isolated ? TYPESLAB_MODE_ISOLATED : TYPESLAB_MODE_NONE,
                      test_profile()) == 0);
  size_t base = typeslab_released_slabs();

  /* 1. Free a burst: nothing is returned at once (hysteresis). */
  fill(NSLABS * PER_SLAB);
  CHECK(nslabs >= NSLABS);
  const void *first_slabs[160];
  int nfirst = nslabs;
  memcpy(first_slabs, slabs, sizeof slabs);
  for (int i = 0; i < nslabs; ++i)
    CHECK(resident(slabs[i]) > 0);
  drain(NSLABS * PER_SLAB);
  CHECK(typeslab_released_slabs() == base);

  /* 2. A hot pair on the same cache returns nothing, however long. */
  for (int i = 0; i < 200000; ++i)
    kfree(kmalloc_token(256, GFP_KERNEL, TA));
  CHECK(typeslab_released_slabs() == base);

  /* 3. Free, then allocate again at once: the pages are reused, resident. */
  fill(NSLABS * PER_SLAB);
  CHECK(typeslab_released_slabs() == base);
  drain(NSLABS * PER_SLAB);

  /* 4. Left empty past the delay, the slabs go back to the OS while this
   * thread lives: every one but the current slab. */
  sleep_ms(200);
  other_cache_event();
  size_t released = typeslab_released_slabs() - base;
  CHECK(released >= (size_t)nslabs - 1);
  int gone = 0;
  for (int i = 0; i < nslabs; ++i)
    gone += resident(slabs[i]) == 0;
  CHECK(gone >= nslabs - 1);
  char buf[4096];
  FILE *f = fmemopen(buf, sizeof buf, "w");
  typeslab_slabinfo(f);
  fclose(f);
  char line[64];
  snprintf(line, sizeof line, "# slabs returned to the OS: %zu\n",
           typeslab_released_slabs());
  CHECK(strstr(buf, line));

  /* 5. Allocating again reuses the returned ranges, in the same cache. */
  fill(NSLABS * PER_SLAB);
  for (int i = 0; i < nslabs; ++i) {
    int seen = 0;
    for (int k = 0; k < nfirst; ++k)
      seen |= first_slabs[k] == slabs[i];
    CHECK(seen);
    CHECK(!strcmp(typeslab_cache_name_of(objs[i]),
                  isolated ? "struct released" : "kmalloc-256"));
  }
  CHECK(typeslab_released_slabs() == base);

  /* 6. typeslab_trim() returns them on demand. */
  drain(NSLABS * PER_SLAB);
  CHECK(typeslab_trim() >= (size_t)nslabs - 1);
  CHECK(typeslab_released_slabs() - base >= (size_t)nslabs - 1);

  /* 7. Beyond 64 empty slabs a heap keeps, the surplus goes at once. */
  fill(MAXOBJ);
  size_t before = typeslab_released_slabs();
  CHECK(before == base);
  drain(MAXOBJ);
  CHECK(typeslab_released_slabs() - before >= (size_t)nslabs - 1 - 64);

  CHECK(typeslab_check_isolation() == 0);
  printf("release %s: %zu slabs returned after the delay\n", argv[1],
         released);
  return 0;
}
