/* A small kernel-like allocation API for the pass's C tests: the 6.10+
 * shape, where kmalloc(...) is alloc_hooks(kmalloc_noprof(...)) and
 * alloc_hooks stores the call's result in a typeof(call) local. Define
 * PLAIN_CALLS to get direct calls instead. */
#ifndef TEST_KERNEL_H
#define TEST_KERNEL_H

typedef unsigned long size_t;
typedef unsigned int gfp_t;
typedef unsigned char u8;
typedef unsigned int u32;
#define GFP_KERNEL 0xcc0u
#define SIZE_MAX (~(size_t)0)
#define NULL ((void *)0)

struct device;
void *kmalloc_noprof(size_t size, gfp_t flags);
void *kzalloc_noprof(size_t size, gfp_t flags);
void *kmalloc_array_noprof(size_t n, size_t size, gfp_t flags);
void *kcalloc_noprof(size_t n, size_t size, gfp_t flags);
void *krealloc_noprof(const void *p, size_t new_size, gfp_t flags);
void *kmemdup_noprof(const void *src, size_t len, gfp_t gfp);
void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp);
void kfree(const void *p);

#ifdef PLAIN_CALLS
#define alloc_hooks(_do_alloc) (_do_alloc)
#else
#define alloc_hooks(_do_alloc)                                                \
  ({                                                                          \
    typeof(_do_alloc) _res;                                                   \
    if (alloc_profiling)                                                      \
      _res = _do_alloc;                                                       \
    else                                                                      \
      _res = _do_alloc;                                                       \
    _res;                                                                     \
  })
#endif
extern int alloc_profiling;

#define kmalloc(...) alloc_hooks(kmalloc_noprof(__VA_ARGS__))
#define kzalloc(...) alloc_hooks(kzalloc_noprof(__VA_ARGS__))
#define kmalloc_array(...) alloc_hooks(kmalloc_array_noprof(__VA_ARGS__))
#define kcalloc(...) alloc_hooks(kcalloc_noprof(__VA_ARGS__))
#define krealloc(...) alloc_hooks(krealloc_noprof(__VA_ARGS__))
#define kmemdup(...) alloc_hooks(kmemdup_noprof(__VA_ARGS__))

#define offsetof(T, m) __builtin_offsetof(T, m)
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int : (-!!(e)); })))
#define __must_be_array(a)                                                    \
  BUILD_BUG_ON_ZERO(__builtin_types_compatible_p(typeof(a), typeof(&(a)[0])))
#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]) + __must_be_array(arr))

static inline size_t size_mul(size_t a, size_t b) {
  size_t r;
  return __builtin_mul_overflow(a, b, &r) ? SIZE_MAX : r;
}
static inline size_t size_add(size_t a, size_t b) {
  size_t r;
  return __builtin_add_overflow(a, b, &r) ? SIZE_MAX : r;
}
#define array_size(a, b) size_mul(a, b)
#define __is_constexpr(x)                                                     \
  (sizeof(int) == sizeof(*(8 ? ((void *)((long)(x) * 0l)) : (int *)8)))
#define flex_array_size(p, member, count)                                     \
  __builtin_choose_expr(__is_constexpr(count),                                \
                        (count) * sizeof(*(p)->member) +                      \
                            __must_be_array((p)->member),                     \
                        size_mul(count, sizeof(*(p)->member) +                \
                                            __must_be_array((p)->member)))
#define struct_size(p, member, count)                                         \
  __builtin_choose_expr(__is_constexpr(count),                                \
                        sizeof(*(p)) + flex_array_size(p, member, count),     \
                        size_add(sizeof(*(p)), flex_array_size(p, member, count)))

#define __ALIGN_MASK(x, mask) (((x) + (mask)) & ~(mask))
#define ALIGN(x, a) __ALIGN_MASK(x, (typeof(x))(a) - 1)
#define __round_mask(x, y) ((__typeof__(x))((y) - 1))
#define round_up(x, y) ((((x) - 1) | __round_mask(x, y)) + 1)
#define max(x, y)                                                             \
  ({                                                                          \
    typeof(x) __x = (x);                                                      \
    typeof(y) __y = (y);                                                      \
    __x > __y ? __x : __y;                                                    \
  })

#endif
