/*===- typeslab/runtime.h - Runtime modes and introspection --------*- C -*-===*
 *
 * Glossary (see also token.h)
 *   cache   A set of slabs holding objects of one size (and, in isolated
 *           mode, of one type): "kmalloc-64", "struct foo", "struct foo-256".
 *   slab    A 64 KiB, 64 KiB-aligned span of the runtime's arena carved into
 *           equal objects. Metadata lives out of line, indexed by slab.
 *   bucket  In isolated mode, a per-type cache of one size class, used for a
 *           type's variable-sized allocations (arrays, flexible arrays).
 *   mode    How a token picks a cache: none, random, partitioned, isolated.
 *
 * Mode selection: TYPESLAB_MODE=none|random|partitioned|isolated, or
 * typeslab_init() before the first allocation. TYPESLAB_PROFILE=hardened
 * (the default: canaries, zeroing and quarantine of freed objects, guard
 * pages) or fast (TYPESLAB_OPT_FAST). TYPESLAB_PARTITIONS=N (16),
 * TYPESLAB_REDZONE=1, TYPESLAB_POISON=1, TYPESLAB_ON_ERROR=continue,
 * TYPESLAB_SLABINFO=1 (dump at exit). An unknown value prints one warning
 * naming the setting taken instead. See docs/runtime-modes.md.
 *
 *===----------------------------------------------------------------------===*/
#ifndef TYPESLAB_RUNTIME_H
#define TYPESLAB_RUNTIME_H

#include "typeslab/token.h"

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

enum typeslab_mode {
  TYPESLAB_MODE_NONE,
  TYPESLAB_MODE_RANDOM,
  TYPESLAB_MODE_PARTITIONED,
  TYPESLAB_MODE_ISOLATED
};

enum typeslab_option {
  TYPESLAB_OPT_REDZONE = 1u << 0,  /* check a red zone at free             */
  TYPESLAB_OPT_POISON = 1u << 1,   /* poison + quarantine on free          */
  TYPESLAB_OPT_CONTINUE = 1u << 2, /* report misuse and continue           */
  TYPESLAB_OPT_FAST = 1u << 3      /* the fast profile: no hardening       */
};

/* Selects the mode and options; returns 0, or -1 once memory was handed out
 * in another mode. Without a call, the environment decides at first use. */
int typeslab_init(enum typeslab_mode mode, unsigned options);
enum typeslab_mode typeslab_current_mode(void);
const char *typeslab_mode_name(enum typeslab_mode mode);

/* /proc/slabinfo-style dump: name, objsize, active, total, slabs. */
void typeslab_slabinfo(FILE *out);

/* Introspection of live objects; NULL/0 for pointers the runtime does not
 * own. */
const char *typeslab_cache_name_of(const void *p);
typeslab_token_t typeslab_object_token(const void *p);
const void *typeslab_slab_of(const void *p);
/* Distinct pairs of typed tokens whose live objects share a slab. */
size_t typeslab_type_pairs_sharing_slab(void);
/* 0 when no slab has held objects of two types and no address range has
 * moved between caches; else the number of violations. */
size_t typeslab_check_isolation(void);
/* Empty slabs go back to the OS (madvise) on their own once they have been
 * empty for a while (or a thread holds too many); the address range stays
 * with its cache. typeslab_trim() returns the calling thread's empty slabs
 * (never a current one) now and says how many it returned. */
size_t typeslab_trim(void);
/* Slabs whose pages are returned to the OS at the moment. */
size_t typeslab_released_slabs(void);
/* Number of misuse reports so far (with TYPESLAB_OPT_CONTINUE). */
size_t typeslab_error_count(void);

#ifdef __cplusplus
}
#endif

#endif /* TYPESLAB_RUNTIME_H */
