/* Minimal <linux/overflow.h>: saturating size helpers in the kernel's
 * shapes, so struct_size() and friends look to the compiler as they do in
 * Linux. */
#ifndef _CORPUS_LINUX_OVERFLOW_H
#define _CORPUS_LINUX_OVERFLOW_H
#include <linux/compiler.h>
#include <linux/types.h>
#define check_mul_overflow(a, b, d) __builtin_mul_overflow(a, b, d)
#define check_add_overflow(a, b, d) __builtin_add_overflow(a, b, d)
static inline size_t size_mul(size_t a, size_t b) {
  size_t r;
  return check_mul_overflow(a, b, &r) ? SIZE_MAX : r;
}
static inline size_t size_add(size_t a, size_t b) {
  size_t r;
  return check_add_overflow(a, b, &r) ? SIZE_MAX : r;
}
#define array_size(a, b) size_mul(a, b)
#define array3_size(a, b, c) size_mul(size_mul(a, b), c)
#define flex_array_size(p, member, count)                                      \
  __builtin_choose_expr(__is_constexpr(count),                                 \
                        (count) * sizeof(*(p)->member) +                       \
                            __must_be_array((p)->member),                      \
                        size_mul(count, sizeof(*(p)->member) +                 \
                                            __must_be_array((p)->member)))
#define struct_size(p, member, count)                                          \
  __builtin_choose_expr(                                                       \
      __is_constexpr(count), sizeof(*(p)) + flex_array_size(p, member, count), \
      size_add(sizeof(*(p)), flex_array_size(p, member, count)))
#endif
