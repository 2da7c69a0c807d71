/*===- test/fuzz/shadow.h - The fuzzer's shadow model ---------------*- C -*-===*
 *
 * What the runtime fuzzer believes about the heap, kept entirely outside the
 * runtime: every live object (pointer, requested and usable size, fill seed,
 * type key) and, for every slab the runtime ever used, the cache and type
 * that first owned it. The driver (runtime_fuzz.c) asks the runtime through
 * its public API and checks the answers against this model.
 *
 *===----------------------------------------------------------------------===*/
#ifndef TYPESLAB_FUZZ_SHADOW_H
#define TYPESLAB_FUZZ_SHADOW_H

#include <stddef.h>
#include <stdint.h>

/* A failed invariant: prints the message and aborts, so libFuzzer records a
 * crash with its input. */
#define FUZZ_CHECK(cond, ...)                                                  \
  do {                                                                         \
    if (!(cond))                                                               \
      shadow_fail(__FILE__, __LINE__, #cond, __VA_ARGS__);                     \
  } while (0)
__attribute__((noreturn, format(printf, 4, 5))) void
shadow_fail(const char *file, int line, const char *cond, const char *fmt, ...);

enum obj_kind { OBJ_KMALLOC, OBJ_LIBC, OBJ_CACHE };

struct shadow_obj {
  unsigned char *p; /* NULL: slot empty                                  */
  size_t req;       /* bytes the fuzzer may touch                        */
  size_t usable;    /* ksize() when allocated                            */
  uint8_t seed;     /* byte i holds fill_byte(seed, i)                   */
  enum obj_kind kind;
  unsigned cache;   /* OBJ_CACHE: index of its kmem_cache                */
  uint64_t token;   /* the type the object must carry                    */
};

static inline uint8_t fill_byte(uint8_t seed, size_t i) {
  return (uint8_t)(seed + i * 0x9d + (i >> 8));
}

void shadow_fill(struct shadow_obj *o);
/* Checks bytes [0, n) of o against its fill pattern. */
void shadow_verify(const struct shadow_obj *o, size_t n, const char *when);
/* Checks that [p, p + usable) overlaps no other live object. */
void shadow_check_overlap(const struct shadow_obj *objs, size_t nobjs,
                          const struct shadow_obj *o);

/* Slab ownership, kept for the life of the process (across inputs): the
 * first cache and type seen in a slab must be the only ones, ever. Type keys
 * are checked only when `per_type` is set (isolated mode); `ptr_class` is
 * 1 for data, 2 for pointer-holding types, 0 when unknown, and a slab may
 * not hold both when `split_ptr` is set (partitioned mode). */
void shadow_slab_note(const void *slab, const void *cache, uint64_t type_key,
                      unsigned ptr_class, int per_type, int split_ptr);
size_t shadow_slab_count(void);

#endif /* TYPESLAB_FUZZ_SHADOW_H */
