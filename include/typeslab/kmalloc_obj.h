/*===- typeslab/kmalloc_obj.h - The kmalloc_obj family -------------*- C -*-===*
 *
 * Linux v7.0's type-stating allocation macros, for codebases without them:
 *   kmalloc_obj(VAR_OR_TYPE[, GFP])          one object
 *   kmalloc_objs(VAR_OR_TYPE, COUNT[, GFP])  COUNT objects
 *   kmalloc_flex(VAR_OR_TYPE, FAM, COUNT[, GFP])  a struct with COUNT
 *                                            flexible-array elements, whose
 *                                            __counted_by counter is set
 * and the kzalloc_, kvmalloc_ and kvzalloc_ variants (kvzalloc_obj, ...),
 * as the kernel has them (no _node forms). GFP defaults to GFP_KERNEL.
 * Sizes saturate through size_mul/struct_size (a saturated size makes the
 * allocator fail), a count the __counted_by counter cannot hold fails the
 * allocation, and each macro yields (TYPE *) of the allocation, so type
 * inference sees the type. The counter is set through
 * __builtin_counted_by_ref where the compiler has it (clang 21+, GCC 15+).
 * Expects kmalloc, kzalloc (kvmalloc, kvzalloc for the kv forms) and
 * GFP_KERNEL to be declared where the macros are used (linux/slab.h, or
 * typeslab/kernel.h), and, for the flex forms, struct_size() (the kernel's
 * linux/overflow.h; typeslab/kernel.h does not define it).
 *
 *===----------------------------------------------------------------------===*/
#ifndef TYPESLAB_KMALLOC_OBJ_H
#define TYPESLAB_KMALLOC_OBJ_H

#include <stddef.h>
#include <stdint.h>

/* Saturating a * b; its own name, so a kernel's size_mul() never clashes.
 * typeslab's inference reads it as it reads size_mul(). */
static inline size_t typeslab_size_mul(size_t a, size_t b) {
  size_t r;
  return __builtin_mul_overflow(a, b, &r) ? SIZE_MAX : r;
}

/* default_gfp(): the optional trailing GFP argument, else GFP_KERNEL. */
#define typeslab_pick_gfp_(_, gfp, ...) gfp
#define default_gfp(...) typeslab_pick_gfp_(, ##__VA_ARGS__, GFP_KERNEL)

#define __alloc_objs(KMALLOC, GFP, TYPE, COUNT)                                \
  ({                                                                           \
    const size_t __obj_size = typeslab_size_mul(sizeof(TYPE), COUNT);     \
    (TYPE *)KMALLOC(__obj_size, GFP);                                          \
  })

#if defined(__has_builtin) && __has_builtin(__builtin_counted_by_ref)
/* A pointer to the __counted_by counter of FAM, or a null size_t pointer
 * when FAM has none; only its type is used before the allocation. */
#define typeslab_flex_counter_ptr_(FAM)                                        \
  _Generic(__builtin_counted_by_ref(FAM),                                      \
           void *: (size_t *)0,                                                \
           default: __builtin_counted_by_ref(FAM))
/* Sets the __counted_by counter of FAM, where there is one. */
#define typeslab_set_flex_counter_(FAM, COUNT)                                 \
  (void)(*_Generic(__builtin_counted_by_ref(FAM),                              \
                   void *: &(size_t){0},                                       \
                   default: __builtin_counted_by_ref(FAM)) = (COUNT))
#else
#define typeslab_flex_counter_ptr_(FAM) ((size_t *)0)
#define typeslab_set_flex_counter_(FAM, COUNT) ((void)0)
#endif

#define struct_size_t(TYPE, MEMBER, COUNT)                                     \
  struct_size((TYPE *)NULL, MEMBER, COUNT)

/* A count the __counted_by counter cannot hold fails the allocation (NULL,
 * nothing allocated) instead of storing a truncated count. */
#define __alloc_flex(KMALLOC, GFP, TYPE, FAM, COUNT)                           \
  ({                                                                           \
    const size_t __count = (COUNT);                                            \
    typeof(*typeslab_flex_counter_ptr_(((TYPE *)NULL)->FAM)) __counter;        \
    TYPE *__p = NULL;                                                          \
    if (!__builtin_add_overflow(__count, 0, &__counter)) {                     \
      const size_t __obj_size = struct_size_t(TYPE, FAM, __count);             \
      __p = (TYPE *)KMALLOC(__obj_size, GFP);                                  \
      if (__p)                                                                 \
        typeslab_set_flex_counter_(__p->FAM, __counter);                       \
    }                                                                          \
    __p;                                                                       \
  })

#define kmalloc_obj(VAR_OR_TYPE, ...)                                          \
  __alloc_objs(kmalloc, default_gfp(__VA_ARGS__), typeof(VAR_OR_TYPE), 1)
#define kzalloc_obj(VAR_OR_TYPE, ...)                                          \
  __alloc_objs(kzalloc, default_gfp(__VA_ARGS__), typeof(VAR_OR_TYPE), 1)
#define kmalloc_objs(VAR_OR_TYPE, COUNT, ...)                                  \
  __alloc_objs(kmalloc, default_gfp(__VA_ARGS__), typeof(VAR_OR_TYPE), COUNT)
#define kzalloc_objs(VAR_OR_TYPE, COUNT, ...)                                  \
  __alloc_objs(kzalloc, default_gfp(__VA_ARGS__), typeof(VAR_OR_TYPE), COUNT)
#define kmalloc_flex(VAR_OR_TYPE, FAM, COUNT, ...)                             \
  __alloc_flex(kmalloc, default_gfp(__VA_ARGS__), typeof(VAR_OR_TYPE), FAM,    \
               COUNT)
#define kzalloc_flex(VAR_OR_TYPE, FAM, COUNT, ...)                             \
  __alloc_flex(kzalloc, default_gfp(__VA_ARGS__), typeof(VAR_OR_TYPE), FAM,    \
               COUNT)

/* The kvmalloc forms: the same, through kvmalloc and kvzalloc. */
#define kvmalloc_obj(VAR_OR_TYPE, ...)                                         \
  __alloc_objs(kvmalloc, default_gfp(__VA_ARGS__), typeof(VAR_OR_TYPE), 1)
#define kvzalloc_obj(VAR_OR_TYPE, ...)                                         \
  __alloc_objs(kvzalloc, default_gfp(__VA_ARGS__), typeof(VAR_OR_TYPE), 1)
#define kvmalloc_objs(VAR_OR_TYPE, COUNT, ...)                                 \
  __alloc_objs(kvmalloc, default_gfp(__VA_ARGS__), typeof(VAR_OR_TYPE), COUNT)
#define kvzalloc_objs(VAR_OR_TYPE, COUNT, ...)                                 \
  __alloc_objs(kvzalloc, default_gfp(__VA_ARGS__), typeof(VAR_OR_TYPE), COUNT)
#define kvmalloc_flex(VAR_OR_TYPE, FAM, COUNT, ...)                            \
  __alloc_flex(kvmalloc, default_gfp(__VA_ARGS__), typeof(VAR_OR_TYPE), FAM,   \
               COUNT)
#define kvzalloc_flex(VAR_OR_TYPE, FAM, COUNT, ...)                            \
  __alloc_flex(kvzalloc, default_gfp(__VA_ARGS__), typeof(VAR_OR_TYPE), FAM,   \
               COUNT)

#endif /* TYPESLAB_KMALLOC_OBJ_H */
